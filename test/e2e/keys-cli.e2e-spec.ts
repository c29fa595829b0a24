import { openCliDatabase } from 'src/database/cli-data-source';
import { runKeysCommand, UsageError } from 'src/modules/auth/keys-command';
import { withKey } from 'test/utils/api-keys';
import { createTestApp, TestApp } from 'test/utils/test-app';
import { testDatabaseUrl } from 'test/utils/test-database';

describe('Operator key CLI (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(() => t.close());

  const run = (...argv: string[]) => runKeysCommand(argv, t.dataSource, t.env);
  const keyIn = (output: string) => /hso_\w+/.exec(output.split('\n').pop()!)![0];
  const idIn = (output: string) => /[0-9a-f-]{36}/.exec(output)![0];

  it('creates, lists, rotates and revokes keys that the running service honours', async () => {
    const created = await run('create', '--name', 'ops-admin', '--role', 'admin', '--expires-in', '30d');
    const adminKey = keyIn(created);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/admin/api-keys', headers: withKey(adminKey) })).statusCode).toBe(200);

    const analyst = await run('create', '--name', 'analyst', '--role', 'analyst');
    expect(await run('list')).toMatch(/ops-admin[\s\S]*|analyst/);

    const rotated = await run('rotate', idIn(analyst));
    expect(rotated).toContain('The old key works until');
    const newAnalystKey = keyIn(rotated);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/metrics', headers: withKey(newAnalystKey) })).statusCode).toBe(403);

    expect(await run('revoke', idIn(rotated))).toContain('revoked');
    // The CLI is another process: the service drops the key once its cache entry ages out.
    await new Promise((resolve) => setTimeout(resolve, t.env.AUTH_CACHE_TTL_MS + 50));
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/metrics', headers: withKey(newAnalystKey) })).statusCode).toBe(401);
  });

  it('explains bad usage', async () => {
    await expect(run('create', '--name', 'x', '--role', 'root')).rejects.toThrow(/role must be one of/);
    await expect(run('create', '--name', 'x', '--role', 'admin', '--expires-in', '30')).rejects.toBeInstanceOf(UsageError);
    await expect(run('frobnicate')).rejects.toThrow(/Unknown command/);
  });

  it('reaches the database of the running service, through its socket when embedded', async () => {
    const db = await openCliDatabase(
      {
        DATA_DIR: t.dataDir,
        DATABASE_URL: testDatabaseUrl(),
        PHI_HASH_KEY: t.env.PHI_HASH_KEY,
        AUDIT_CHECKPOINT_KEY: t.env.AUDIT_CHECKPOINT_KEY,
        LOG_LEVEL: 'silent',
      },
      { runMigrations: false },
    );
    try {
      const output = await runKeysCommand(['list'], db.dataSource, db.env);
      expect(output).toContain('ops-admin');
    } finally {
      await db.close();
    }
    expect((await t.app.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200);
  });
});
