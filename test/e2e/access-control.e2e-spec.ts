import { randomBytes } from 'node:crypto';
import { formatApiKey } from 'src/modules/auth/api-key-format';
import { Role, ROLES } from 'src/modules/auth/role';
import { issueKey, withKey } from 'test/utils/api-keys';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentedRoutes, renderRoleMatrix } from 'test/utils/route-table';
import { createTestApp, FakeClock, TestApp } from 'test/utils/test-app';

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
const base62 = (length: number) =>
  Array.from(randomBytes(length), (b) => '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'[b % 62]).join('');

describe('Access control (e2e)', () => {
  let t: TestApp;
  const clock = new FakeClock();
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp({ UNAUTHENTICATED_RATE_LIMIT_PER_MINUTE: '100000' }, { clock });
  });

  beforeEach(async () => {
    await t.truncate();
    admin = (await issueKey(t.app, Role.Admin)).api_key;
  });

  afterAll(() => t.close());

  const list = (key: string) => t.app.inject({ method: 'GET', url: '/api/v1/admin/api-keys', headers: withKey(key) });

  describe('authentication', () => {
    it('gives one identical 401 for missing, malformed, bad-checksum, unknown, wrong-secret, revoked and expired keys', async () => {
      const revoked = await issueKey(t.app, Role.Analyst);
      await t.app.inject({ method: 'POST', url: `/api/v1/admin/api-keys/${revoked.id}/revoke`, headers: withKey(admin) });
      const expiring = await issueKey(t.app, Role.Analyst, { expiresInDays: 1 });
      const known = await issueKey(t.app, Role.Analyst);
      clock.advance(DAY + HOUR);
      const presented: Record<string, Record<string, string>> = {
        missing: {},
        malformed: withKey('not-a-key'),
        badChecksum: withKey(`${known.api_key.slice(0, -1)}${known.api_key.endsWith('a') ? 'b' : 'a'}`),
        unknown: withKey(formatApiKey(`hso_${base62(12)}`, base62(43))),
        wrongSecret: withKey(formatApiKey(known.key_prefix, base62(43))),
        revoked: withKey(revoked.api_key),
        expired: withKey(expiring.api_key),
      };
      const bodies = await Promise.all(
        Object.values(presented).map(async (headers) => {
          const res = await t.app.inject({ method: 'GET', url: '/api/v1/metrics', headers });
          expect(res.statusCode).toBe(401);
          expect(res.headers['content-type']).toContain('application/problem+json');
          const { requestId: _r, instance: _i, ...rest } = res.json();
          return rest;
        }),
      );
      bodies.forEach((body) => expect(body).toEqual(bodies[0]));
      expect(bodies[0]).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
      expect((await list(known.api_key)).statusCode).toBe(403); // the valid one still authenticates
    });

    it('accepts the key as a Bearer token', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/admin/api-keys', headers: { authorization: `Bearer ${admin}` } });
      expect(res.statusCode).toBe(200);
    });

    it('warns in a header when the key expires within 14 days', async () => {
      const soon = await issueKey(t.app, Role.Admin, { expiresInDays: 10 });
      expect((await list(soon.api_key)).headers['api-key-expires']).toBe(soon.expires_at);
      expect((await list(admin)).headers['api-key-expires']).toBeUndefined();
    });

    it('records last use', async () => {
      const key = await issueKey(t.app, Role.Admin);
      await list(key.api_key);
      await new Promise((resolve) => setTimeout(resolve, 100)); // the write is off the request path
      const [row] = await t.dataSource.query('SELECT last_used_at FROM api_keys WHERE id = $1', [key.id]);
      expect(row.last_used_at).not.toBeNull();
    });
  });

  describe('route table', () => {
    it('gives every served route either a role rule or @Public()', async () => {
      const routes = await documentedRoutes(t.app);
      const documented = routes.map((route) => `${route.method} ${route.path.replace(/\{(\w+)\}/g, ':$1')}`);
      expect([...t.servedRoutes].filter((r) => !r.startsWith('OPTIONS')).sort()).toEqual([...documented].sort());
      const unruled = routes.filter((route) => !route.isPublic && !(route.roles && route.roles.length > 0));
      expect(unruled).toEqual([]);
      const publicRoutes = routes.filter((route) => route.isPublic).map((route) => route.path);
      expect(publicRoutes.every((path) => path.startsWith('/health'))).toBe(true);
    });

    it('is documented, route for route, in the role matrix of docs/security.md', async () => {
      const doc = readFileSync(join(__dirname, '../../docs/security.md'), 'utf8');
      expect(doc).toContain(renderRoleMatrix(await documentedRoutes(t.app)));
    });

    it('lets each role reach exactly the routes that name it', async () => {
      const keys = Object.fromEntries(
        await Promise.all(ROLES.map(async (role) => [role, (await issueKey(t.app, role)).api_key] as const)),
      );
      const routes = (await documentedRoutes(t.app)).filter((route) => !route.isPublic);
      for (const route of routes) {
        for (const role of ROLES) {
          const res = await t.app.inject({ method: route.method as 'GET', url: route.url, headers: withKey(keys[role]), payload: route.method === 'GET' ? undefined : {} });
          const allowed = route.roles!.includes(role);
          expect({ route: `${route.method} ${route.path}`, role, denied: res.statusCode === 403 || res.statusCode === 401 }).toEqual({
            route: `${route.method} ${route.path}`,
            role,
            denied: !allowed,
          });
        }
      }
    });
  });

  describe('key management', () => {
    it('creates a key, shows it once, and never lists secrets', async () => {
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/admin/api-keys',
        headers: withKey(admin),
        payload: { name: 'claims-feed', role: 'integration', expires_in_days: 30, rate_limit_per_minute: 50 },
      });
      expect(created.statusCode).toBe(201);
      const body = created.json();
      expect(body).toMatchObject({ name: 'claims-feed', role: 'integration', status: 'active', rate_limit_per_minute: 50 });
      expect(body.api_key).toMatch(/^hso_/);
      expect(body.created_by).toMatch(/^key:/);

      const listed = await list(admin);
      expect(listed.body).not.toContain(body.api_key);
      expect(listed.body).not.toMatch(/secret/);
      expect(listed.json().map((k: { id: string }) => k.id)).toContain(body.id);
      const one = await t.app.inject({ method: 'GET', url: `/api/v1/admin/api-keys/${body.id}`, headers: withKey(admin) });
      expect(one.json()).not.toHaveProperty('api_key');
      const [row] = await t.dataSource.query('SELECT secret_hash FROM api_keys WHERE id = $1', [body.id]);
      expect(body.api_key).not.toContain(row.secret_hash);
    });

    it('rejects bad input with field errors', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/admin/api-keys',
        headers: withKey(admin),
        payload: { name: '', role: 'root', expires_in_days: 0 },
      });
      expect(res.statusCode).toBe(400);
      const fields = res.json().errors.map((e: { field: string }) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['name', 'role', 'expires_in_days']));
      const tooLong = await t.app.inject({
        method: 'POST',
        url: '/api/v1/admin/api-keys',
        headers: withKey(admin),
        payload: { name: 'x', role: 'analyst', expires_in_days: 400 },
      });
      expect(tooLong.json()).toMatchObject({ status: 400, errors: [{ field: 'expires_in_days' }] });
    });

    it('answers 404 for an unknown id and 400 for a malformed one', async () => {
      const unknown = await t.app.inject({ method: 'GET', url: '/api/v1/admin/api-keys/00000000-0000-4000-8000-000000000000', headers: withKey(admin) });
      expect(unknown.statusCode).toBe(404);
      const malformed = await t.app.inject({ method: 'GET', url: '/api/v1/admin/api-keys/not-a-uuid', headers: withKey(admin) });
      expect(malformed.statusCode).toBe(400);
    });

    it('keeps the old key working through the grace period after rotation, then refuses it', async () => {
      const old = await issueKey(t.app, Role.Admin);
      const rotated = await t.app.inject({ method: 'POST', url: `/api/v1/admin/api-keys/${old.id}/rotate`, headers: withKey(admin) });
      expect(rotated.statusCode).toBe(201);
      const successor = rotated.json();
      expect(successor.rotated_from).toBe(old.id);
      expect((await list(successor.api_key)).statusCode).toBe(200);

      clock.advance(23 * HOUR);
      expect((await list(old.api_key)).statusCode).toBe(200);
      clock.advance(2 * HOUR);
      expect((await list(old.api_key)).statusCode).toBe(401);
      expect((await list(successor.api_key)).statusCode).toBe(200);
    });

    it('refuses to rotate a key twice, or a revoked or expired key', async () => {
      const key = await issueKey(t.app, Role.Analyst, { expiresInDays: 1 });
      const rotate = (id: string) => t.app.inject({ method: 'POST', url: `/api/v1/admin/api-keys/${id}/rotate`, headers: withKey(admin) });
      expect((await rotate(key.id)).statusCode).toBe(201);
      expect((await rotate(key.id)).json()).toMatchObject({ status: 409, code: 'API_KEY_NOT_ROTATABLE' });

      const revoked = await issueKey(t.app, Role.Analyst);
      await t.app.inject({ method: 'POST', url: `/api/v1/admin/api-keys/${revoked.id}/revoke`, headers: withKey(admin) });
      expect((await rotate(revoked.id)).statusCode).toBe(409);

      const expiring = await issueKey(t.app, Role.Analyst, { expiresInDays: 1 });
      clock.advance(2 * DAY);
      const freshAdmin = (await issueKey(t.app, Role.Admin)).api_key;
      const expired = await t.app.inject({ method: 'POST', url: `/api/v1/admin/api-keys/${expiring.id}/rotate`, headers: withKey(freshAdmin) });
      expect(expired.json()).toMatchObject({ status: 409, detail: 'The key is expired; issue a new key instead.' });
    });

    it('revokes at once on this instance', async () => {
      const key = await issueKey(t.app, Role.Admin);
      expect((await list(key.api_key)).statusCode).toBe(200);
      const revoked = await t.app.inject({ method: 'POST', url: `/api/v1/admin/api-keys/${key.id}/revoke`, headers: withKey(admin) });
      expect(revoked.json()).toMatchObject({ status: 'revoked' });
      expect((await list(key.api_key)).statusCode).toBe(401);
    });

    it('refuses to revoke the last active admin key', async () => {
      const [{ id }] = await t.dataSource.query(`SELECT id FROM api_keys WHERE role = 'admin'`);
      const refused = await t.app.inject({ method: 'POST', url: `/api/v1/admin/api-keys/${id}/revoke`, headers: withKey(admin) });
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({ code: 'LAST_ADMIN_KEY' });
      expect((await list(admin)).statusCode).toBe(200);

      const second = await issueKey(t.app, Role.Admin);
      const allowed = await t.app.inject({ method: 'POST', url: `/api/v1/admin/api-keys/${id}/revoke`, headers: withKey(second.api_key) });
      expect(allowed.statusCode).toBe(200);
    });
  });
});
