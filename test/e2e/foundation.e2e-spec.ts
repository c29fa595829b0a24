import { Role } from 'src/modules/auth/role';
import { issueKey, withKey } from 'test/utils/api-keys';
import { createTestApp, TestApp } from 'test/utils/test-app';

describe('Foundation (e2e)', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp({ BODY_LIMIT_BYTES: '4096' });
    admin = (await issueKey(t.app, Role.Admin)).api_key;
  });

  const post = (payload: string, contentType = 'application/json') =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/api-keys',
      headers: { ...withKey(admin), 'content-type': contentType },
      payload,
    });

  afterAll(async () => {
    await t.close();
  });

  it('reports status and version on /health', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it('is live and ready once the database answers', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/health/live' })).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({
      status: 'ok',
      checks: { database: { status: 'up' }, models: { status: 'up', loaded: 12, expected: 12 } },
    });
  });

  it('keeps a well-formed incoming X-Request-Id and generates one otherwise', async () => {
    const kept = await t.app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'trace-0001-abcd' } });
    expect(kept.headers['x-request-id']).toBe('trace-0001-abcd');
    const generated = await t.app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'bad id!' } });
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['strict-transport-security']).toBeDefined();
  });

  it('answers an unknown route with problem+json that does not echo the path', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/members/MEMBER-SECRET-123' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json();
    expect(body).toMatchObject({
      type: 'urn:hedis-optimizer:problem:route-not-found',
      title: 'Route not found',
      status: 404,
      code: 'ROUTE_NOT_FOUND',
      requestId: res.headers['x-request-id'],
      instance: `urn:request:${res.headers['x-request-id']}`,
    });
    expect(res.body).not.toContain('MEMBER-SECRET-123');
  });

  it('serves the OpenAPI document and Swagger UI', async () => {
    const doc = await t.app.inject({ method: 'GET', url: '/docs/openapi.json' });
    expect(doc.statusCode).toBe(200);
    expect(doc.json().paths).toHaveProperty(['/health/ready']);
    expect(doc.json().paths).toHaveProperty(['/api/v1/metrics']);
    const ui = await t.app.inject({ method: 'GET', url: '/docs' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger');
  });

  it.each([
    ['malformed JSON', () => post('{"name": "ops", "role": '), 400, 'MALFORMED_JSON'],
    ['an empty JSON body', () => post(''), 400, 'EMPTY_BODY'],
    ['a body over BODY_LIMIT_BYTES', () => post(JSON.stringify({ name: 'x'.repeat(5000), role: 'admin' })), 413, 'PAYLOAD_TOO_LARGE'],
    ['a non-JSON content type', () => post('name=ops', 'application/x-www-form-urlencoded'), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['text/plain', () => post('hello', 'text/plain'), 415, 'UNSUPPORTED_MEDIA_TYPE'],
  ])('answers %s with its own problem', async (_label, send, status, code) => {
    const res = await send();
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status, code, requestId: res.headers['x-request-id'] });
  });

  it('never echoes the rejected body in a problem', async () => {
    const res = await post('{"name": "SECRET-MEMBER-991", ');
    expect(res.body).not.toContain('SECRET-MEMBER-991');
  });

  it('exposes Prometheus metrics by route template to admins only', async () => {
    await t.app.inject({ method: 'GET', url: '/api/v1/admin/api-keys/3f7a2d4e-0000-4000-8000-000000000001', headers: withKey(admin) });
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/metrics', headers: withKey(admin) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toContain('process_cpu_user_seconds_total');
    expect(res.body).toMatch(/http_request_duration_seconds_bucket\{le="[\d.]+",method="GET",route="\/health",status_class="2xx"\}/);
    expect(res.body).toContain('route="/api/v1/admin/api-keys/:id",status_class="4xx"');
    expect(res.body).not.toContain('3f7a2d4e-0000-4000-8000-000000000001');
    expect(res.body).toMatch(/http_requests_total\{method="GET",route="\/health",status_class="2xx"\} \d+/);
    expect(res.body).toMatch(/db_pool_connections_total \d+/);
    expect(res.body).toMatch(/db_pool_requests_waiting \d+/);

    expect((await t.app.inject({ method: 'GET', url: '/api/v1/metrics' })).statusCode).toBe(401);
    const analyst = (await issueKey(t.app, Role.Analyst)).api_key;
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/metrics', headers: withKey(analyst) })).statusCode).toBe(403);
  });
});

describe('Metrics with METRICS_PUBLIC=true (e2e)', () => {
  it('serves metrics without a key for in-cluster scraping', async () => {
    const t = await createTestApp({ METRICS_PUBLIC: 'true' });
    try {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/metrics' });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('http_request_duration_seconds');
    } finally {
      await t.close();
    }
  });
});
