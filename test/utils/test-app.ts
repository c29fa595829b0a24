import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AppModule } from 'src/app.module';
import { configureApp, createFastifyAdapter } from 'src/app.setup';
import { Environment, validateEnvironment } from 'src/config/environment';
import { testDatabaseUrl } from 'test/utils/test-database';

export interface TestApp {
  app: NestFastifyApplication;
  env: Environment;
  dataSource: DataSource;
  dataDir: string;
  /** Empties every table the migrations made (the migrations table itself is kept). */
  truncate(): Promise<void>;
  close(options?: { keepDataDir?: boolean }): Promise<void>;
}

export function newDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'hedis-e2e-'));
}

/** Boots the real AppModule with the same setup as main.ts, against a database built by the migrations. */
export async function createTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = overrides.DATA_DIR ?? newDataDir();
  const databaseUrl = testDatabaseUrl();
  const env = validateEnvironment({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl, DB_POOL_SIZE: '5' } : {}),
    ...overrides,
  });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(env)] }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(env), { logger: false });
  await configureApp(app, env);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const dataSource = app.get<DataSource>(getDataSourceToken());

  return {
    app,
    env,
    dataSource,
    dataDir,
    truncate: async () => {
      const tables = dataSource.entityMetadatas.map((entity) => `"${entity.tableName}"`).join(', ');
      await dataSource.query(`TRUNCATE ${tables}`);
    },
    close: async ({ keepDataDir = false } = {}) => {
      await app.close();
      if (!keepDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
