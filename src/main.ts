import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from 'src/app.module';
import { configureApp, createFastifyAdapter } from 'src/app.setup';
import { EnvironmentError, validateEnvironment } from 'src/config/environment';

async function bootstrap(): Promise<void> {
  let env;
  try {
    env = validateEnvironment(process.env);
  } catch (error) {
    if (!(error instanceof EnvironmentError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }

  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(env), createFastifyAdapter(env), {
    bufferLogs: true,
    abortOnError: false,
  });
  await configureApp(app, env);
  await app.listen(env.PORT, env.HOST);

  // If in-flight requests have not finished within the timeout, exit anyway rather than hang a rollout.
  const shutdownTimeoutMs = env.SHUTDOWN_TIMEOUT_MS;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => setTimeout(() => process.exit(1), shutdownTimeoutMs).unref());
  }
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`Start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
