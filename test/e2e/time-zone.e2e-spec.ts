/**
 * @jest-environment-options {"timezone": "America/New_York"}
 */
import { Role } from 'src/modules/auth/role';
import { aMember } from 'src/modules/members/testing/member-record.fixture';
import { issueKey, withKey } from 'test/utils/api-keys';
import { auditRows } from 'test/utils/audit';
import { createTestApp, TestApp } from 'test/utils/test-app';

// The tables use TIMESTAMP without a zone. On a host outside UTC, times must still be written and read
// as UTC, or the audit chain (hashed over UTC times) stops verifying and stored dates shift.
describe('On a host outside UTC (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(() => t.close());

  it('runs in the zone it asked for', () => {
    expect(new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset()).toBe(300);
  });

  it('stores times as UTC, and the audit chain verifies', async () => {
    await t.truncate();
    const auditor = (await issueKey(t.app, Role.Auditor)).api_key;
    const before = Date.now();
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/audit/member-access', headers: withKey(auditor), payload: { member_id: 'M-TZ-1' } });
    expect(res.statusCode).toBe(200);
    const [row] = (await auditRows(t)).filter((r) => r.request_id === res.headers['x-request-id']);
    expect(Math.abs(row.timestamp.getTime() - before)).toBeLessThan(60_000);
    const verify = await t.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: withKey(auditor) });
    expect(verify.json()).toMatchObject({ ok: true, broken: null });
  });

  it('stores prediction dates as UTC', async () => {
    const integration = (await issueKey(t.app, Role.Integration)).api_key;
    const before = Date.now();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/predict/member/COL',
      headers: withKey(integration),
      payload: { member_id: 'M-TZ-2', ...aMember() },
    });
    expect(res.statusCode).toBe(201);
    const stored = await t.app.inject({ method: 'GET', url: `/api/v1/predictions/${res.json().prediction_id}`, headers: withKey(integration) });
    expect(stored.json().prediction_date).toBe(res.json().prediction_date);
    expect(Math.abs(Date.parse(stored.json().prediction_date) - before)).toBeLessThan(60_000);
  });
});
