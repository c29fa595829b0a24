import { Writable } from 'node:stream';
import { Role } from 'src/modules/auth/role';
import { aMember } from 'src/modules/members/testing/member-record.fixture';
import { issueKey, withKey } from 'test/utils/api-keys';
import { auditRows } from 'test/utils/audit';
import { createTestApp, TestApp } from 'test/utils/test-app';

const CANARY = 'CANARY-MBR-7Q4Z9X';

/** Requests that carry member ids, valid and invalid; every member-data route belongs here. */
const record = (memberId: unknown, overrides: Record<string, unknown> = {}) => ({ member_id: memberId, ...aMember(), ...overrides });

const memberRequests = (keys: Record<string, string>) => [
  { method: 'POST', url: '/api/v1/predict/member/COL', headers: withKey(keys.integration), payload: record(CANARY) },
  { method: 'POST', url: '/api/v1/predict/member/BCS', headers: withKey(keys.integration), payload: record(CANARY, { sex: 'male' }) },
  { method: 'POST', url: '/api/v1/predict/member/COL', headers: withKey(keys.integration), payload: record(CANARY, { birth_date: 'bad' }) },
  { method: 'POST', url: '/api/v1/predict/member/COL', headers: withKey(keys.integration), payload: record(`${CANARY} x`) },
  { method: 'POST', url: '/api/v1/predict/member/NOPE', headers: withKey(keys.integration), payload: record(CANARY) },
  { method: 'POST', url: '/api/v1/predict/member/COL', headers: withKey(keys.analyst), payload: record(CANARY) },
  { method: 'POST', url: '/api/v1/predict/portfolio', headers: withKey(keys.integration), payload: record(CANARY) },
  {
    method: 'POST',
    url: '/api/v1/predict/batch/COL',
    headers: { ...withKey(keys.integration), 'idempotency-key': 'canary-1' },
    payload: { members: [record(CANARY), record(`${CANARY}-2`, { sex: 'Q' }), record(CANARY, { enrollment: { months_enrolled: 1 } })] },
  },
  { method: 'POST', url: '/api/v1/predict/batch/COL', headers: { ...withKey(keys.integration), 'idempotency-key': 'canary-1' }, payload: { members: [record(CANARY)] } },
  { method: 'POST', url: '/api/v1/audit/member-access', headers: withKey(keys.auditor), payload: { member_id: CANARY } },
  { method: 'POST', url: '/api/v1/audit/member-access', headers: withKey(keys.auditor), payload: { member_id: CANARY, from: 'not-a-date' } },
  { method: 'POST', url: '/api/v1/audit/member-access', headers: withKey(keys.auditor), payload: { member_id: `${CANARY} with spaces` } },
  { method: 'POST', url: '/api/v1/audit/member-access', headers: withKey(keys.auditor), payload: { member_id: CANARY, extra: CANARY } },
  { method: 'POST', url: '/api/v1/audit/member-access', headers: withKey(keys.analyst), payload: { member_id: CANARY } },
  { method: 'POST', url: '/api/v1/audit/member-access', payload: { member_id: CANARY } },
  { method: 'GET', url: `/api/v1/audit/access-log?member_id=${CANARY}`, headers: withKey(keys.auditor) },
  { method: 'GET', url: `/api/v1/no-such-route/${CANARY}`, headers: withKey(keys.auditor) },
];

/**
 * A distinctive member id goes through every route that takes member data; afterwards it must be
 * nowhere: not in a log line, a row of any table (found in the catalog, entity or not), the
 * metrics, or a response (routes that echo the caller's own input by design would be listed in
 * docs/security.md; today there are none).
 */
describe('PHI canary (e2e)', () => {
  let t: TestApp;
  const logs: string[] = [];

  beforeAll(async () => {
    const capture = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logs.push(chunk.toString());
        done();
      },
    });
    t = await createTestApp({ LOG_LEVEL: 'trace' }, { logDestination: capture });
  });

  afterAll(() => t.close());

  it('never lets a raw member id reach logs, rows, metrics or responses', async () => {
    // On PostgreSQL the database is shared with the other suites: only this test's rows may be searched.
    await t.truncate();
    const keys = {
      integration: (await issueKey(t.app, Role.Integration)).api_key,
      auditor: (await issueKey(t.app, Role.Auditor)).api_key,
      analyst: (await issueKey(t.app, Role.Analyst)).api_key,
      admin: (await issueKey(t.app, Role.Admin)).api_key,
    };
    const bodies: string[] = [];
    for (const request of memberRequests(keys)) {
      const res = await t.app.inject(request as Parameters<typeof t.app.inject>[0]);
      bodies.push(`${res.statusCode} ${JSON.stringify(res.headers)} ${res.body}`);
    }
    expect(bodies.some((body) => body.startsWith('200'))).toBe(true);
    expect(bodies.some((body) => body.startsWith('400'))).toBe(true);
    expect(bodies.some((body) => body.startsWith('201'))).toBe(true);
    expect(bodies.some((body) => body.startsWith('422'))).toBe(true);
    const predictionId = bodies.map((body) => /"prediction_id":"([0-9a-f-]{36})"/.exec(body)?.[1]).find(Boolean);
    const fetched = await t.app.inject({ method: 'GET', url: `/api/v1/predictions/${predictionId}`, headers: withKey(keys.analyst) });
    bodies.push(`${fetched.statusCode} ${fetched.body}`);
    await auditRows(t);

    // Every table in the database, not only those with entities: idempotency_keys holds whole batch responses.
    const tables: Array<{ name: string; qualified: string }> = await t.dataSource.query(
      `SELECT c.relname AS name, quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS qualified
         FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'`,
    );
    const dumps = new Map<string, string[]>();
    for (const { name, qualified } of tables) {
      const rows: Array<{ t: string }> = await t.dataSource.query(`SELECT t::text FROM ${qualified} t`);
      dumps.set(name, rows.map((row) => row.t));
    }
    const metrics = (await t.app.inject({ method: 'GET', url: '/api/v1/metrics', headers: withKey(keys.admin) })).body;

    expect(logs.length).toBeGreaterThan(bodies.length); // the capture really saw the request lines
    const entityTables = t.dataSource.entityMetadatas.map((entity) => entity.tableName);
    expect([...dumps.keys()]).toEqual(expect.arrayContaining([...entityTables, 'idempotency_keys', 'schema_migrations']));
    const [stored] = await t.dataSource.query('SELECT idempotency_key, response IS NOT NULL AS has_response FROM idempotency_keys');
    expect({ rows: dumps.get('idempotency_keys')?.length, stored }).toEqual({ rows: 1, stored: { idempotency_key: 'canary-1', has_response: true } });
    expect(dumps.get('idempotency_keys')?.[0]).toContain('"member_hash"'); // the stored batch response is what is searched
    expect(dumps.get('api_access_log')?.length).toBeGreaterThan(bodies.length);
    const places: Array<[string, string]> = [
      ['logs', logs.join('')],
      ...[...dumps].map(([table, texts]): [string, string] => [`table ${table}`, texts.join('\n')]),
      ['metrics', metrics],
      ['responses', bodies.join('\n')],
    ];
    for (const [where, text] of places) {
      expect({ where, leaked: text.includes(CANARY) }).toEqual({ where, leaked: false });
    }
  });
});
