import { Role } from 'src/modules/auth/role';
import { issueKey, withKey } from 'test/utils/api-keys';
import { createTestApp, TestApp } from 'test/utils/test-app';
import { usingPostgres } from 'test/utils/test-database';

const redisUrl = process.env.TEST_REDIS_URL;
// Two replicas need a shared database and a shared Redis: CI provides both (the embedded database is one process's).
const describeReplicas = usingPostgres() && redisUrl ? describe : describe.skip;

describeReplicas('Two replicas sharing PostgreSQL and Redis (e2e)', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    a = await createTestApp({ REDIS_URL: redisUrl! });
    b = await createTestApp({ REDIS_URL: redisUrl! });
  });

  afterAll(async () => {
    await a.close();
    await b.close();
  });

  const list = (t: TestApp, key: string) => t.app.inject({ method: 'GET', url: '/api/v1/admin/api-keys', headers: withKey(key) });

  it('enforces one limit for a key across both replicas', async () => {
    const key = (await issueKey(a.app, Role.Admin, { rateLimitPerMinute: 4 })).api_key;
    const statuses = [];
    for (const replica of [a, b, a, b, a, b]) statuses.push((await list(replica, key)).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
  });

  it('stops accepting a key on the other replica within the stated bound after revocation', async () => {
    const other = await issueKey(a.app, Role.Admin);
    const key = await issueKey(a.app, Role.Admin);
    expect((await list(b, key.api_key)).statusCode).toBe(200); // now cached on b
    const revokedAt = Date.now();
    await a.app.inject({ method: 'POST', url: `/api/v1/admin/api-keys/${key.id}/revoke`, headers: withKey(other.api_key) });
    expect((await list(a, key.api_key)).statusCode).toBe(401);
    let status = 200;
    while (status !== 401 && Date.now() - revokedAt < 10_000) {
      status = (await list(b, key.api_key)).statusCode;
      if (status !== 401) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const boundMs = a.env.AUTH_CACHE_TTL_MS;
    expect(status).toBe(401);
    expect(Date.now() - revokedAt).toBeLessThanOrEqual(boundMs + 500);
  });
});
