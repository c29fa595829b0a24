import { DatabaseTargetHolder } from 'src/database/embedded-database.module';
import { TcpProxy } from 'test/utils/tcp-proxy';
import { createTestApp, TestApp } from 'test/utils/test-app';
import { testDatabaseUrl } from 'test/utils/test-database';

/**
 * The database goes away while the service runs and comes back: readiness follows it without a
 * restart, and liveness never depends on it. On PostgreSQL a proxy is cut; on the embedded
 * database its socket server is stopped and restarted.
 */
describe('Database outage (e2e)', () => {
  let t: TestApp;
  let proxy: TcpProxy | undefined;
  let cut: () => Promise<void>;
  let restore: () => Promise<void>;

  beforeAll(async () => {
    const url = testDatabaseUrl();
    if (url) {
      const target = new URL(url);
      proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
      await proxy.start();
      target.host = `127.0.0.1:${proxy.port}`;
      t = await createTestApp({ DATABASE_URL: target.toString(), DB_CONNECTION_TIMEOUT_MS: '500', HEALTH_DB_TIMEOUT_MS: '500' });
      cut = () => proxy!.cut();
      restore = () => proxy!.start();
    } else {
      t = await createTestApp({ DB_CONNECTION_TIMEOUT_MS: '500', HEALTH_DB_TIMEOUT_MS: '500' });
      const embedded = t.app.get(DatabaseTargetHolder).embedded!;
      cut = () => embedded.pause();
      restore = () => embedded.resume();
    }
  });

  afterAll(async () => {
    await t.close();
    await proxy?.stop();
  });

  it('is not ready while the database is unreachable, stays live, and is ready again after it returns', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200);

    await cut();
    const down = await t.app.inject({ method: 'GET', url: '/health/ready' });
    expect(down.statusCode).toBe(503);
    expect(down.headers['content-type']).toContain('application/problem+json');
    expect(down.json()).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      detail: 'Not ready; failing checks: database.',
      checks: { database: { status: 'down' } },
    });
    expect((await t.app.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);

    await restore();
    let status = 0;
    for (let attempt = 0; attempt < 20 && status !== 200; attempt++) {
      status = (await t.app.inject({ method: 'GET', url: '/health/ready' })).statusCode;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(status).toBe(200);
  });
});
