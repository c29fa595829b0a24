import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from 'src/app.module';
import { configureApp, createFastifyAdapter, NEST_APP_OPTIONS } from 'src/app.setup';
import { Environment, EnvironmentError, validateEnvironment } from 'src/config/environment';
import { ApiKeyBootstrap } from 'src/modules/auth/api-key-bootstrap';
import { DEMO_MEMBERS, DemoSeeder } from 'src/modules/prediction/demo/demo-seeder';

async function bootstrap(): Promise<void> {
  let env;
  try {
    env = validateEnvironment(process.env);
  } catch (error) {
    if (!(error instanceof EnvironmentError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }

  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(env), createFastifyAdapter(env), NEST_APP_OPTIONS);
  await configureApp(app, env);
  await app.listen(env.PORT, env.HOST);
  await seedDemoDataOnFirstStart(app);
  await announceFirstKey(app, env);

  // If in-flight requests have not finished within the timeout, exit anyway rather than hang a rollout.
  const shutdownTimeoutMs = env.SHUTDOWN_TIMEOUT_MS;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => setTimeout(() => process.exit(1), shutdownTimeoutMs).unref());
  }
}

/** A newcomer's empty embedded database gets a scored synthetic population, so every route has data. */
async function seedDemoDataOnFirstStart(app: NestFastifyApplication): Promise<void> {
  const result = await app.get(DemoSeeder).seedOnFirstStart(DEMO_MEMBERS, (members) =>
    process.stdout.write(`First start: scoring a synthetic demo population (${members} members, not real data)...\n`),
  );
  if (result) process.stdout.write(`Demo data ready: ${result.predictions} predictions in ${result.seconds.toFixed(1)} s.\n`);
}

/** Printed straight to the terminal, once: the key must not travel through the log pipeline. */
async function announceFirstKey(app: NestFastifyApplication, env: Environment): Promise<void> {
  const base = `http://localhost:${env.PORT}`;
  const key = env.DATABASE_URL ? null : await app.get(ApiKeyBootstrap).createFirstAdminKeyIfNone();
  const lines = key
    ? [
        'First start: created an admin API key. It is shown only this once; store it now:',
        `  ${key}`,
        `Try: curl -H "X-API-Key: ${key}" ${base}/api/v1/admin/api-keys`,
      ]
    : ['Create API keys with: npm run keys -- create --name NAME --role admin|analyst|integration|auditor'];
  process.stdout.write(`\nHEDIS Star Rating Portfolio Optimizer listening on ${base} (docs: ${base}/docs)\n${lines.join('\n')}\n\n`);
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`Start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
