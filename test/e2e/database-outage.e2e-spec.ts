import { DatabaseTargetHolder } from 'src/database/embedded-database.module';
import { AccessLogRepository } from 'src/modules/audit/access-log.repository';
import { AuditLogWriter } from 'src/modules/audit/audit-log-writer';
import { Role } from 'src/modules/auth/role';
import { issueKey, withKey } from 'test/utils/api-keys';
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

  it('logs a member-data request refused because its row could not be committed, once the log can be written', async () => {
    await t.truncate();
    const auditor = (await issueKey(t.app, Role.Auditor)).api_key;
    // Both ways of committing the row fail, as when the database refuses writes for a moment.
    const log = t.app.get(AccessLogRepository);
    const oneStatement = jest.spyOn(log, 'appendIfTail').mockRejectedValueOnce(new Error('disk full'));
    const locked = jest.spyOn(log, 'appendLocked').mockRejectedValueOnce(new Error('disk full'));
    const refused = await t.app.inject({ method: 'POST', url: '/api/v1/audit/member-access', headers: withKey(auditor), payload: { member_id: 'OUTAGE-M-1' } });
    oneStatement.mockRestore();
    locked.mockRestore();
    expect(refused.statusCode).toBe(503);

    await t.app.get(AuditLogWriter).flush();
    const rows = await t.dataSource.query('SELECT status_code, endpoint, member_hashes FROM api_access_log WHERE request_id = $1', [refused.headers['x-request-id']]);
    expect(rows).toEqual([{ status_code: 503, endpoint: '/api/v1/audit/member-access', member_hashes: [expect.stringMatching(/^[0-9a-f]{64}$/)] }]);
  });
});
