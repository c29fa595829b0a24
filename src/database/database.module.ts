import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Environment } from 'src/config/environment';
import { dataSourceOptions } from 'src/database/data-source-options';
import { DatabaseTargetHolder, EmbeddedDatabaseModule } from 'src/database/embedded-database.module';

/** PostgreSQL at DATABASE_URL, or the embedded one under DATA_DIR; migrations run at start-up. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      imports: [EmbeddedDatabaseModule],
      inject: [Environment, DatabaseTargetHolder],
      useFactory: (env: Environment, holder: DatabaseTargetHolder) => ({
        ...dataSourceOptions(env, holder.target),
        // Fail start-up at once instead of TypeORM's default of retrying for half a minute.
        retryAttempts: 0,
      }),
    }),
    EmbeddedDatabaseModule,
  ],
  exports: [EmbeddedDatabaseModule],
})
export class DatabaseModule {}
