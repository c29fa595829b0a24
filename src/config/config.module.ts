import { DynamicModule, Global, Module } from '@nestjs/common';
import { Environment } from 'src/config/environment';

/**
 * Makes the validated Environment injectable by its class, so every reader is typed and nothing
 * outside `main.ts` and the CLIs touches process.env.
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(environment: Environment): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: Environment, useValue: environment }],
      exports: [Environment],
    };
  }
}
