import { Role } from 'src/modules/auth/role';
import { issueKey, withKey } from 'test/utils/api-keys';
import { createTestApp, TestApp } from 'test/utils/test-app';

describe('Rate limits (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ UNAUTHENTICATED_RATE_LIMIT_PER_MINUTE: '5' });
  });

  afterAll(() => t.close());

  const call = (headers: Record<string, string> = {}, url = '/api/v1/admin/api-keys') =>
    t.app.inject({ method: 'GET', url, headers });

  it('limits each key to its own per-minute budget across all routes, with standard headers', async () => {
    const key = (await issueKey(t.app, Role.Admin, { rateLimitPerMinute: 3 })).api_key;
    const first = await call(withKey(key));
    expect(first.statusCode).toBe(200);
    expect(first.headers['ratelimit-limit']).toBe('3');
    expect(first.headers['ratelimit-remaining']).toBe('2');
    expect(Number(first.headers['ratelimit-reset'])).toBeGreaterThan(0);
    await call(withKey(key), '/api/v1/metrics'); // another route draws on the same budget
    await call(withKey(key));

    const limited = await call(withKey(key));
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.json()).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['ratelimit-limit']).toBe('3');
    expect(limited.headers['ratelimit-remaining']).toBe('0');
    expect(Number(limited.headers['ratelimit-reset'])).toBeGreaterThan(0);

    const other = (await issueKey(t.app, Role.Admin, { rateLimitPerMinute: 3 })).api_key;
    expect((await call(withKey(other))).statusCode).toBe(200); // budgets are per key, not per address
  });

  it('limits requests without a valid key per client address, before authentication', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      statuses.push((await t.app.inject({ method: 'GET', url: '/api/v1/metrics', remoteAddress: '10.1.2.3' })).statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    const elsewhere = await t.app.inject({ method: 'GET', url: '/api/v1/metrics', remoteAddress: '10.9.9.9' });
    expect(elsewhere.statusCode).toBe(401);
  });

  it('never limits health probes', async () => {
    for (let i = 0; i < 10; i++) {
      expect((await t.app.inject({ method: 'GET', url: '/health/live', remoteAddress: '10.1.2.3' })).statusCode).toBe(200);
    }
  });
});
