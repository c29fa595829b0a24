import { AccessLogRepository } from 'src/modules/audit/access-log.repository';
import { runAuditCommand } from 'src/modules/audit/audit-command';
import { AccessRecord, AuditLogWriter } from 'src/modules/audit/audit-log-writer';
import { AuditCheckpointer } from 'src/modules/audit/audit-checkpointer';
import { AuditReportsService } from 'src/modules/audit/audit-reports.service';
import { keyIdHash } from 'src/modules/audit/audit-trail';
import { Role } from 'src/modules/auth/role';
import { issueKey, withKey } from 'test/utils/api-keys';
import { auditRows, rowFor } from 'test/utils/audit';
import { createTestApp, FakeClock, TestApp } from 'test/utils/test-app';

const DAY = 24 * 3600 * 1000;

describe('Audit trail (e2e)', () => {
  let t: TestApp;
  const clock = new FakeClock();
  let admin: { id: string; api_key: string };
  let auditor: string;

  beforeAll(async () => {
    t = await createTestApp({ UNAUTHENTICATED_RATE_LIMIT_PER_MINUTE: '3' }, { clock });
  });

  beforeEach(async () => {
    await t.truncate();
    admin = await issueKey(t.app, Role.Admin);
    auditor = (await issueKey(t.app, Role.Auditor)).api_key;
  });

  afterAll(() => t.close());

  const verify = async (query = '') =>
    (await t.app.inject({ method: 'GET', url: `/api/v1/audit/verify${query}`, headers: withKey(auditor) })).json();

  it('writes one row per request for every status class, with who, what and how long', async () => {
    const ok = await t.app.inject({ method: 'GET', url: '/api/v1/audit/summary', headers: withKey(auditor) });
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/audit/access-log?limit=0', headers: withKey(auditor) });
    const unauthenticated = await t.app.inject({ method: 'GET', url: '/api/v1/audit/summary', remoteAddress: '10.0.0.7' });
    const forbidden = await t.app.inject({ method: 'GET', url: '/api/v1/admin/api-keys', headers: withKey(auditor) });
    const missing = await t.app.inject({ method: 'GET', url: '/api/v1/nowhere', headers: withKey(auditor) });
    for (let i = 0; i < 3; i++) await t.app.inject({ method: 'GET', url: '/api/v1/audit/summary', remoteAddress: '10.0.0.8' });
    const limited = await t.app.inject({ method: 'GET', url: '/api/v1/audit/summary', remoteAddress: '10.0.0.8' });
    jest.spyOn(t.app.get(AuditReportsService), 'summary').mockRejectedValueOnce(new Error('boom'));
    const failed = await t.app.inject({ method: 'GET', url: '/api/v1/audit/summary', headers: withKey(auditor) });

    const expected: Array<[typeof ok, number, string]> = [
      [ok, 200, '/api/v1/audit/summary'],
      [bad, 400, '/api/v1/audit/access-log'],
      [unauthenticated, 401, '/api/v1/audit/summary'],
      [forbidden, 403, '/api/v1/admin/api-keys'],
      [missing, 404, 'unmatched'],
      [limited, 429, '/api/v1/audit/summary'],
      [failed, 500, '/api/v1/audit/summary'],
    ];
    const rows = await auditRows(t);
    for (const [res, status, endpoint] of expected) {
      expect(res.statusCode).toBe(status);
      const matching = rows.filter((row) => row.request_id === res.headers['x-request-id']);
      expect(matching).toHaveLength(1);
      expect(matching[0]).toMatchObject({ status_code: status, endpoint, event_type: 'http.request' });
    }
    expect(await rowFor(t, ok.headers['x-request-id'])).toMatchObject({ role: 'auditor', method: 'GET', client_address: '127.0.0.1' });
    expect((await rowFor(t, unauthenticated.headers['x-request-id']))?.api_key_hash).toBe('anonymous');
  });

  it('records member_hash on member routes, durably before the response', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/audit/member-access',
      headers: withKey(auditor),
      payload: { member_id: 'M-000123' },
    });
    expect(res.statusCode).toBe(200);
    const [row] = await t.dataSource.query('SELECT member_hashes FROM api_access_log WHERE request_id = $1', [res.headers['x-request-id']]);
    expect(row.member_hashes).toHaveLength(1);
    expect(row.member_hashes[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain('M-000123');
  });

  it('answers 503 instead of member data when the audit row cannot be written', async () => {
    // Either way of appending fails: the one-statement append and the locked transaction.
    const log = t.app.get(AccessLogRepository);
    const appendIfTail = jest.spyOn(log, 'appendIfTail').mockRejectedValueOnce(new Error('disk full'));
    const appendLocked = jest.spyOn(log, 'appendLocked').mockRejectedValueOnce(new Error('disk full'));
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/audit/member-access', headers: withKey(auditor), payload: { member_id: 'M-1' } });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ code: 'AUDIT_UNAVAILABLE' });
    expect(res.json()).not.toHaveProperty('items');
    appendIfTail.mockRestore();
    appendLocked.mockRestore();
  });

  it('records key management as audit events with the acting key', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/admin/api-keys', headers: withKey(admin.api_key), payload: { name: 'feed', role: 'integration' } });
    const id = created.json().id;
    await t.app.inject({ method: 'POST', url: `/api/v1/admin/api-keys/${id}/rotate`, headers: withKey(admin.api_key) });
    await t.app.inject({ method: 'POST', url: `/api/v1/admin/api-keys/${id}/revoke`, headers: withKey(admin.api_key) });
    const events = (await auditRows(t)).filter((row) => row.event_type.startsWith('api_key.') && row.details?.key_id === id);
    expect(events.map((e) => e.event_type)).toEqual(['api_key.created', 'api_key.rotated', 'api_key.revoked']);
    events.forEach((event) => expect(event.api_key_hash).toBe(keyIdHash(admin.id)));
  });

  it('keeps one verifiable chain under 200 parallel requests', async () => {
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        i % 2
          ? t.app.inject({ method: 'GET', url: '/api/v1/audit/summary', headers: withKey(auditor) })
          : t.app.inject({ method: 'POST', url: '/api/v1/audit/member-access', headers: withKey(auditor), payload: { member_id: `M-${i}` } }),
      ),
    );
    expect(responses.every((res) => res.statusCode === 200)).toBe(true);
    await auditRows(t);
    const result = await verify();
    expect(result).toMatchObject({ ok: true, broken: null });
    expect(result.rows_checked).toBeGreaterThanOrEqual(200);
    const seqs = (await auditRows(t)).map((row) => Number(row.seq));
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0] + i));
  });

  it('keeps one chain when another writer appends behind the tail a writer remembers', async () => {
    const mine = t.app.get(AuditLogWriter);
    // A second writer on the same table, as another replica would be.
    const other = new AuditLogWriter(t.app.get(AccessLogRepository), t.env);
    const event = (n: number): AccessRecord => ({
      eventType: 'test.event', apiKeyHash: 'anonymous', keyPrefix: null, role: null, endpoint: `/e/${n}`, method: 'GET',
      statusCode: 200, responseTimeMs: 1, timestamp: new Date(), requestId: `r-${n}`, clientAddress: null, memberHashes: null, details: null,
    });
    for (let round = 0; round < 5; round++) {
      await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? mine : other).appendDurable(event(round * 20 + i))));
    }
    expect(await verify()).toMatchObject({ ok: true, broken: null });
    const rows = await auditRows(t);
    expect(rows.filter((row) => row.event_type === 'test.event')).toHaveLength(100);
    expect(rows.map((row) => Number(row.seq))).toEqual(rows.map((_, i) => Number(rows[0].seq) + i));
  });

  it('refuses UPDATE and DELETE on the log and its checkpoints', async () => {
    await auditRows(t);
    await t.app.get(AuditCheckpointer).checkpoint('periodic');
    await expect(t.dataSource.query('UPDATE api_access_log SET status_code = 200')).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query('DELETE FROM api_access_log')).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query('DELETE FROM audit_checkpoints')).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query('TRUNCATE api_access_log')).rejects.toThrow(/append-only/);
  });

  it('finds a row altered behind the trigger’s back', async () => {
    await t.app.inject({ method: 'GET', url: '/api/v1/audit/summary', headers: withKey(auditor) });
    const rows = await auditRows(t);
    const victim = rows[1];
    await t.dataSource.query('ALTER TABLE api_access_log DISABLE TRIGGER trg_api_access_log_append_only');
    await t.dataSource.query('UPDATE api_access_log SET status_code = 200, role = $2 WHERE seq = $1', [victim.seq, 'admin']);
    await t.dataSource.query('ALTER TABLE api_access_log ENABLE TRIGGER trg_api_access_log_append_only');
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.broken).toMatchObject({ seq: String(victim.seq), reason: expect.stringMatching(/altered/) });
  });

  it('finds a removed tail through the signed checkpoints', async () => {
    await t.app.inject({ method: 'GET', url: '/api/v1/audit/summary', headers: withKey(auditor) });
    await auditRows(t);
    const checkpoint = await t.app.get(AuditCheckpointer).checkpoint('periodic');
    expect(checkpoint).not.toBeNull();
    expect((await verify()).ok).toBe(true);
    // The verify request's own row is buffered: written now, it cannot land after the cut and hide it.
    await auditRows(t);
    await t.dataSource.transaction(async (manager) => {
      await manager.query("SELECT set_config('hedis.audit_purge', 'on', true)");
      await manager.query('DELETE FROM api_access_log WHERE seq >= $1', [Number(checkpoint!.seq) - 1]);
    });
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.broken.reason).toMatch(/missing: checkpoint signs row/);
  });

  it('purges rows past retention and the rest still verifies, from the API and the CLI', async () => {
    await t.app.inject({ method: 'GET', url: '/api/v1/audit/summary', headers: withKey(auditor) });
    await auditRows(t);
    clock.advance((t.env.AUDIT_RETENTION_DAYS + 1) * DAY);
    const fresh = (await issueKey(t.app, Role.Auditor)).api_key;
    await t.app.inject({ method: 'GET', url: '/api/v1/audit/summary', headers: withKey(fresh) });
    const before = (await auditRows(t)).length;
    const purge = await runAuditCommand(['purge'], t.dataSource, t.env, clock);
    const purged = JSON.parse(purge.output);
    expect(purged.deleted_rows).toBeGreaterThan(0);
    expect((await auditRows(t)).length).toBe(before - purged.deleted_rows);
    const cli = await runAuditCommand(['verify'], t.dataSource, t.env);
    expect(cli.ok).toBe(true);
    const api = (await t.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: withKey(fresh) })).json();
    expect(api).toMatchObject({ ok: true });
  });
});
