import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DestinationStream } from 'pino';
import { DataSource } from 'typeorm';
import { AppModule } from 'src/app.module';
import { configureApp, createFastifyAdapter, NEST_APP_OPTIONS } from 'src/app.setup';
import { Clock } from 'src/common/time/clock';
import { AuditLogWriter } from 'src/modules/audit/audit-log-writer';
import { Environment, validateEnvironment } from 'src/config/environment';
import { testDatabaseUrl } from 'test/utils/test-database';

export interface TestApp {
  app: NestFastifyApplication;
  env: Environment;
  dataSource: DataSource;
  dataDir: string;
  /** `METHOD /url` of every route the app registered, outside the Swagger UI, without HEAD. */
  servedRoutes: string[];
  /** Empties every table the migrations made (the migrations table itself is kept). */
  truncate(): Promise<void>;
  close(options?: { keepDataDir?: boolean }): Promise<void>;
}

/** A clock tests move forward instead of sleeping. */
export class FakeClock extends Clock {
  private offsetMs = 0;

  override now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

export function newDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'hedis-e2e-'));
}

/** Boots the real AppModule with the same setup as main.ts, against a database built by the migrations. */
const TEST_SECRET = 'test-only-secret-0123456789abcdef0123456789';

export interface TestAppOptions {
  clock?: Clock;
  /** Receives every log line (set LOG_LEVEL in the overrides to see more than errors). */
  logDestination?: DestinationStream;
}

export async function createTestApp(overrides: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = overrides.DATA_DIR ?? newDataDir();
  const databaseUrl = testDatabaseUrl();
  const env = validateEnvironment({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    // Lets the suite run against a plan's own models as well as the committed ones.
    ...(process.env.MODELS_DIR ? { MODELS_DIR: process.env.MODELS_DIR } : {}),
    ...(databaseUrl ? { DATABASE_URL: databaseUrl, DB_POOL_SIZE: '5', PHI_HASH_KEY: TEST_SECRET, AUDIT_CHECKPOINT_KEY: TEST_SECRET } : {}),
    ...overrides,
  });
  const builder = Test.createTestingModule({ imports: [AppModule.forRoot(env, options.logDestination)] });
  if (options.clock) builder.overrideProvider(Clock).useValue(options.clock);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(env), {
    ...NEST_APP_OPTIONS,
    logger: false,
  });
  await configureApp(app, env);
  const servedRoutes: string[] = [];
  app.getHttpAdapter().getInstance().addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method !== 'HEAD' && !route.url.startsWith('/docs')) servedRoutes.push(`${method} ${route.url}`);
    }
  });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const dataSource = app.get<DataSource>(getDataSourceToken());

  return {
    app,
    env,
    dataSource,
    dataDir,
    servedRoutes,
    truncate: async () => {
      // Every table the migrations made, not only those with entities (idempotency_keys has none).
      const rows: Array<{ tablename: string }> = await dataSource.query(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'schema_migrations'",
      );
      const tables = rows.map((row) => `"${row.tablename}"`).join(', ');
      await app.get(AuditLogWriter).flush();
      await dataSource.transaction(async (manager) => {
        // The audit tables are append-only; the purge setting is the trigger's one exception.
        await manager.query("SELECT set_config('hedis.audit_purge', 'on', true)");
        await manager.query(`TRUNCATE ${tables}`);
      });
    },
    close: async ({ keepDataDir = false } = {}) => {
      await app.close();
      if (!keepDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
