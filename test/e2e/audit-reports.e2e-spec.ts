import { AuditLogWriter } from 'src/modules/audit/audit-log-writer';
import { AuditReportsService } from 'src/modules/audit/audit-reports.service';
import { SORT_FIELDS } from 'src/modules/audit/dto/access-log-query.dto';
import { AccessLogRowDto } from 'src/modules/audit/dto/access-log-row.dto';
import { IssuedApiKeyResponseDto } from 'src/modules/auth/dto/api-key-response.dto';
import { Role } from 'src/modules/auth/role';
import { issueKey, withKey } from 'test/utils/api-keys';
import { auditRows } from 'test/utils/audit';
import { parseCsv } from 'test/utils/csv';
import { createTestApp, FakeClock, TestApp } from 'test/utils/test-app';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

type InjectResult = Awaited<ReturnType<TestApp['app']['inject']>>;

describe('Audit reports (e2e)', () => {
  let t: TestApp;
  const clock = new FakeClock();
  let admin: IssuedApiKeyResponseDto;
  let auditorKey: IssuedApiKeyResponseDto;
  let auditor: string;

  beforeAll(async () => {
    t = await createTestApp({ UNAUTHENTICATED_RATE_LIMIT_PER_MINUTE: '3' }, { clock });
  });

  beforeEach(async () => {
    await t.truncate();
    admin = await issueKey(t.app, Role.Admin);
    auditorKey = await issueKey(t.app, Role.Auditor);
    auditor = auditorKey.api_key;
  });

  afterAll(() => t.close());

  const get = (url: string, key = auditor) => t.app.inject({ method: 'GET', url, headers: withKey(key) });
  const report = async (query: string): Promise<{ items: AccessLogRowDto[]; next_cursor: string | null }> =>
    (await get(`/api/v1/audit/access-log?${query}`)).json();
  const requestId = (res: InjectResult) => String(res.headers['x-request-id']);

  /** An end time after every row so far, so the report requests that follow stay outside the set being read. */
  const until = async (): Promise<string> => {
    await t.app.get(AuditLogWriter).flush();
    const end = new Date(clock.now().getTime() + 1).toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    return end;
  };

  it('filters the access log by time range, key, request id, event type, role, endpoint, method and status', async () => {
    const other = await issueKey(t.app, Role.Auditor, { name: 'other-auditor' });
    clock.advance(MINUTE);
    const startA = clock.now().toISOString();
    const a1 = await get('/api/v1/audit/summary', other.api_key);
    const a2 = await get('/api/v1/admin/api-keys', other.api_key);
    clock.advance(MINUTE);
    const startB = clock.now().toISOString();
    const b1 = await t.app.inject({ method: 'GET', url: '/api/v1/audit/summary', headers: { ...withKey(admin.api_key), 'x-request-id': 'filter-test-0001' } });
    const b2 = await get('/api/v1/audit/access-log?limit=0', other.api_key);
    const b3 = await t.app.inject({ method: 'POST', url: '/api/v1/audit/member-access', headers: withKey(other.api_key), payload: { member_id: 'M-F1' } });
    const b4 = await t.app.inject({ method: 'POST', url: '/api/v1/admin/api-keys', headers: withKey(admin.api_key), payload: { name: 'feed', role: 'integration' } });
    clock.advance(MINUTE);
    const startC = clock.now().toISOString();
    const c1 = await get('/api/v1/audit/summary', other.api_key);
    const end = await until();
    expect([a1, a2, b1, b2, b3, b4, c1].map((res) => res.statusCode)).toEqual([200, 403, 200, 400, 200, 201, 200]);
    expect(requestId(b1)).toBe('filter-test-0001');

    const created = (keyId: string) => `api_key.created ${keyId}`;
    const labels = async (query: string) => {
      const page = await report(`limit=1000&${query}`);
      expect(page.next_cursor).toBeNull();
      return page.items.map((row) => row.request_id ?? `${row.event_type} ${row.details?.key_id}`).sort();
    };
    const ids = (...responses: InjectResult[]) => responses.map(requestId);
    const groupB = [...ids(b1, b2, b3, b4), created(b4.json().id)].sort();

    expect(await labels(`from=${startB}&to=${startC}`)).toEqual(groupB);
    // `from` is inclusive and `to` exclusive, read at the earliest row of group B.
    const earliestB = (await report(`from=${startB}&to=${startC}&sort=timestamp&order=asc`)).items[0].timestamp;
    expect(await labels(`from=${startB}&to=${earliestB}`)).toEqual([]);
    expect(await labels(`from=${earliestB}&to=${startC}`)).toEqual(groupB);
    expect(await labels(`from=${startA}&to=${startB}`)).toEqual(ids(a1, a2).sort());
    expect(await labels(`to=${startA}`)).toEqual([admin.id, auditorKey.id, other.id].map(created).sort());
    expect(await labels(`from=${startC}&key_id=${other.id}`)).toEqual(ids(c1));

    expect(await labels(`key_id=${other.id}&to=${end}`)).toEqual(ids(a1, a2, b2, b3, c1).sort());
    expect(await labels(`key_id=${admin.id}&to=${end}`)).toEqual([...ids(b1, b4), created(b4.json().id)].sort());
    expect(await labels('request_id=filter-test-0001')).toEqual(['filter-test-0001']);
    expect(await labels('event_type=api_key.created')).toEqual([admin.id, auditorKey.id, other.id, b4.json().id].map(created).sort());
    expect(await labels(`event_type=http.request&key_id=${admin.id}`)).toEqual(ids(b1, b4).sort());
    expect(await labels(`role=admin&to=${end}`)).toEqual(ids(b1, b4).sort());
    expect(await labels(`endpoint=/api/v1/audit/summary&to=${end}`)).toEqual(ids(a1, b1, c1).sort());
    expect(await labels(`method=POST&to=${end}`)).toEqual(ids(b3, b4).sort());
    expect(await labels(`status=403&to=${end}`)).toEqual(ids(a2));
    expect(await labels(`status=400&to=${end}`)).toEqual(ids(b2));
    expect(await labels(`role=auditor&method=GET&status=200&to=${end}`)).toEqual(ids(a1, c1).sort());

    const reversed = await get(`/api/v1/audit/access-log?from=${startC}&to=${startB}`);
    expect(reversed.json()).toMatchObject({ status: 400, errors: [{ field: 'to' }] });
  });

  it('pages, filters and sorts the access log with cursors', async () => {
    for (let i = 0; i < 5; i++) await get('/api/v1/audit/summary');
    await get('/api/v1/admin/api-keys');
    await auditRows(t);

    const forbidden = await report('status=403');
    expect(forbidden.items.map((r) => r.endpoint)).toEqual(['/api/v1/admin/api-keys']);
    const summaries = await report('endpoint=/api/v1/audit/summary&role=auditor&method=GET');
    expect(summaries.items).toHaveLength(5);

    // The report requests are logged too; a fixed end time keeps the set being paged still.
    const end = await until();
    const all = await report(`sort=status_code&order=asc&limit=1000&to=${end}`);
    const collected = await pageThrough(`sort=status_code&order=asc&limit=2&to=${end}`);
    expect(collected.map((r) => r.seq)).toEqual(all.items.map((r) => r.seq));
    const statuses = all.items.map((r) => r.status_code);
    expect(statuses).toEqual([...statuses].sort((a, b) => a - b));

    const badCursor = await get('/api/v1/audit/access-log?cursor=abc');
    expect(badCursor.json()).toMatchObject({ status: 400, errors: [{ field: 'cursor' }] });
    const otherSort = await get(`/api/v1/audit/access-log?sort=client_address&order=asc&to=${end}&cursor=${(await report(`sort=seq&limit=1&to=${end}`)).next_cursor}`);
    expect(otherSort.json()).toMatchObject({ status: 400, errors: [{ field: 'cursor' }] });
    const badSort = await get('/api/v1/audit/access-log?sort=secret_hash');
    expect(badSort.json()).toMatchObject({ status: 400, errors: [{ field: 'sort' }] });
  });

  it('sorts by client address with seq breaking ties, and pages through the ties without duplicates or gaps', async () => {
    const addresses = ['10.0.2.3', '10.0.2.1', '10.0.2.3', '10.0.2.2', '10.0.2.1', '10.0.2.3', '10.0.2.1', '10.0.2.2', '10.0.2.3'];
    for (const remoteAddress of addresses) {
      await t.app.inject({ method: 'GET', url: '/api/v1/audit/summary', headers: withKey(auditor), remoteAddress });
    }
    const end = await until();
    const stored = await auditRows(t);
    // The two key-creation events of beforeEach have no address; nulls sort as the empty string, first.
    const ascending = [...stored]
      .sort((a, b) => (a.client_address ?? '').localeCompare(b.client_address ?? '') || Number(a.seq) - Number(b.seq))
      .map((row) => row.seq);
    expect(stored).toHaveLength(11);

    for (const [order, expected] of [['asc', ascending], ['desc', [...ascending].reverse()]] as const) {
      const all = await report(`sort=client_address&order=${order}&limit=1000&to=${end}`);
      expect(all.items.map((row) => row.seq)).toEqual(expected);
      const byAddress = all.items.map((row) => row.client_address);
      const runs: Array<[string | null, number]> = [[null, 2], ['10.0.2.1', 3], ['10.0.2.2', 2], ['10.0.2.3', 4]];
      const expectedAddresses = (order === 'asc' ? runs : [...runs].reverse()).flatMap(([address, count]) => Array(count).fill(address));
      expect(byAddress).toEqual(expectedAddresses);
      for (const limit of [2, 3]) {
        const pages = await pageThrough(`sort=client_address&order=${order}&limit=${limit}&to=${end}`);
        expect({ order, limit, seqs: pages.map((row) => row.seq) }).toEqual({ order, limit, seqs: expected });
      }
    }
  });

  it('pages every sortable column in both orders: same rows as one page, ordered, ties by seq', async () => {
    for (const remoteAddress of ['10.0.4.2', '10.0.4.1', '10.0.4.2']) {
      await t.app.inject({ method: 'GET', url: '/api/v1/audit/summary', headers: withKey(auditor), remoteAddress });
    }
    await get('/api/v1/admin/api-keys');
    await t.app.inject({ method: 'POST', url: '/api/v1/audit/member-access', headers: withKey(auditor), payload: { member_id: 'M-S1' } });
    await t.app.inject({ method: 'GET', url: '/api/v1/audit/summary', headers: { 'x-api-key': 'hso_CCCCCCCCCCCC_nope' }, remoteAddress: '10.0.4.9' });
    const end = await until();
    const everySeq = (await auditRows(t)).map((row) => String(row.seq)).sort();
    expect(everySeq).toHaveLength(8);

    for (const field of SORT_FIELDS) {
      for (const order of ['asc', 'desc'] as const) {
        const all = (await report(`sort=${field}&order=${order}&limit=1000&to=${end}`)).items;
        const paged = await pageThrough(`sort=${field}&order=${order}&limit=3&to=${end}`);
        const where = `${field} ${order}`;
        expect({ where, seqs: paged.map((row) => row.seq) }).toEqual({ where, seqs: all.map((row) => row.seq) });
        expect({ where, seqs: all.map((row) => row.seq).sort() }).toEqual({ where, seqs: everySeq });
        expect({ where, misplaced: misplaced(all, field, order) }).toEqual({ where, misplaced: [] });
      }
    }
  });

  it('exports the same rows as the report, as CSV and as JSON Lines, field by field', async () => {
    for (let i = 0; i < 3; i++) {
      await t.app.inject({ method: 'POST', url: '/api/v1/audit/member-access', headers: withKey(auditor), payload: { member_id: `M-${i}` } });
    }
    await t.app.inject({ method: 'POST', url: '/api/v1/admin/api-keys', headers: withKey(admin.api_key), payload: { name: 'feed', role: 'integration' } });
    // A row whose text needs every kind of CSV quoting: commas, doubled quotes, CRLF, embedded JSON.
    await t.app.get(AuditLogWriter).appendDurable({
      eventType: 'test.event', apiKeyHash: 'anonymous', keyPrefix: null, role: null, endpoint: '/e/"quoted", with comma', method: 'GET',
      statusCode: 200, responseTimeMs: 1, timestamp: clock.now(), requestId: 'csv-awkward-1', clientAddress: null,
      memberHashes: ['a'.repeat(64), 'b'.repeat(64)], details: { note: 'line one\r\nline "two", three', json: '{"a":[1,2]}', n: 3, flag: true, none: null },
    });
    const end = await until();

    for (const [filter, count] of [[`to=${end}`, 8], [`method=POST&to=${end}`, 4]] as const) {
      const listed = await report(`${filter}&sort=seq&order=asc&limit=1000`);
      expect({ filter, rows: listed.items.length, next: listed.next_cursor }).toEqual({ filter, rows: count, next: null });

      const jsonl = await get(`/api/v1/audit/access-log/export?format=jsonl&${filter}`);
      expect(jsonl.headers['content-type']).toContain('application/x-ndjson');
      expect(jsonl.body.endsWith('\n')).toBe(true);
      expect(jsonl.body.slice(0, -1).split('\n').map((line) => JSON.parse(line))).toEqual(listed.items);

      const csv = await get(`/api/v1/audit/access-log/export?format=csv&${filter}`);
      expect(csv.headers['content-type']).toContain('text/csv');
      const [columns, ...records] = parseCsv(csv.body);
      expect([...columns].sort()).toEqual(Object.keys(listed.items[0]).sort());
      records.forEach((cells) => expect(cells).toHaveLength(columns.length));
      expect(records.map((cells) => fromCsvRecord(columns, cells))).toEqual(listed.items);
    }
    const awkward = (await report('request_id=csv-awkward-1')).items[0];
    expect(awkward).toMatchObject({ endpoint: '/e/"quoted", with comma', details: { note: 'line one\r\nline "two", three', json: '{"a":[1,2]}' } });
  });

  it('answers the accounting-of-disclosures question for one member', async () => {
    const send = (id: string) => t.app.inject({ method: 'POST', url: '/api/v1/audit/member-access', headers: withKey(auditor), payload: { member_id: id } });
    await send('M-A');
    await send('M-B');
    await send('M-A');
    const report = (await send('M-A')).json();
    expect(report.items).toHaveLength(2); // the two earlier accesses; this one is written after it answers
    const invalid = await send('has spaces in it');
    expect(invalid.json()).toMatchObject({ status: 400, errors: [{ field: 'member_id' }] });
    expect(invalid.body).not.toContain('has spaces');
  });

  it('limits the accounting of disclosures to a time range', async () => {
    const send = (payload: Record<string, string>) =>
      t.app.inject({ method: 'POST', url: '/api/v1/audit/member-access', headers: withKey(auditor), payload });
    const first = await send({ member_id: 'M-T' });
    clock.advance(MINUTE);
    const from = clock.now().toISOString();
    const second = await send({ member_id: 'M-T' });
    const otherMember = await send({ member_id: 'M-U' });
    clock.advance(MINUTE);
    const to = clock.now().toISOString();
    const third = await send({ member_id: 'M-T' });
    const accesses = async (payload: Record<string, string>) => (await send(payload)).json().items.map((row: AccessLogRowDto) => row.request_id);

    expect(await accesses({ member_id: 'M-T', from })).toEqual([requestId(second), requestId(third)]);
    expect(await accesses({ member_id: 'M-T', from, to })).toEqual([requestId(second)]);
    expect(await accesses({ member_id: 'M-T', to })).toEqual([requestId(first), requestId(second)]);
    expect(await accesses({ member_id: 'M-T', to: from })).toEqual([requestId(first)]);
    expect(await accesses({ member_id: 'M-U', from, to })).toEqual([requestId(otherMember)]);
    const reversed = await send({ member_id: 'M-T', from: to, to: from });
    expect(reversed.json()).toMatchObject({ status: 400, errors: [{ field: 'to' }] });
  });

  it('summarises requests per day by key, role, endpoint and status class, and failed authentication', async () => {
    const now = clock.now();
    const day1 = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
    const day = (n: number) => new Date(day1 + (n - 1) * 24 * HOUR).toISOString();
    const attempt = (key: string | undefined, remoteAddress: string) =>
      t.app.inject({ method: 'GET', url: '/api/v1/audit/summary', headers: key ? { 'x-api-key': key } : {}, remoteAddress });

    clock.advance(day1 + 12 * HOUR - now.getTime());
    await get('/api/v1/audit/summary');
    await get('/api/v1/audit/summary');
    await get('/api/v1/admin/api-keys');
    await get('/api/v1/admin/api-keys', admin.api_key);
    await attempt('hso_AAAAAAAAAAAA_nope', '10.0.3.1');
    await attempt('hso_AAAAAAAAAAAA_nope', '10.0.3.1');
    await attempt('hso_BBBBBBBBBBBB_nope', '10.0.3.1');
    await attempt(undefined, '10.0.3.2');
    await attempt('garbage', '10.0.3.2');
    clock.advance(24 * HOUR);
    await get('/api/v1/audit/summary');
    jest.spyOn(t.app.get(AuditReportsService), 'summary').mockRejectedValueOnce(new Error('boom'));
    expect((await get('/api/v1/audit/summary')).statusCode).toBe(500);
    await get('/api/v1/audit/verify', admin.api_key);
    await attempt('hso_AAAAAAAAAAAA_nope', '10.0.3.3');
    clock.advance(24 * HOUR);
    await auditRows(t);

    const auditorKey_ = auditorKey.key_prefix;
    const adminKey = admin.key_prefix;
    const perDay = (n: number) => {
      const rows: Array<[string, string, string, string, number]> =
        n === 1
          ? [
              [auditorKey_, 'auditor', '/api/v1/audit/summary', '2xx', 2],
              [auditorKey_, 'auditor', '/api/v1/admin/api-keys', '4xx', 1],
              [adminKey, 'admin', '/api/v1/admin/api-keys', '2xx', 1],
              ['hso_AAAAAAAAAAAA', 'none', '/api/v1/audit/summary', '4xx', 2],
              ['hso_BBBBBBBBBBBB', 'none', '/api/v1/audit/summary', '4xx', 1],
              ['anonymous', 'none', '/api/v1/audit/summary', '4xx', 2],
            ]
          : [
              [auditorKey_, 'auditor', '/api/v1/audit/summary', '2xx', 1],
              [auditorKey_, 'auditor', '/api/v1/audit/summary', '5xx', 1],
              [adminKey, 'admin', '/api/v1/audit/verify', '2xx', 1],
              ['hso_AAAAAAAAAAAA', 'none', '/api/v1/audit/summary', '4xx', 1],
            ];
      const date = day(n).slice(0, 10);
      return rows.map(([key, role, endpoint, status_class, requests]) => ({ day: date, key, role, endpoint, status_class, requests }));
    };
    const failedRows = (await report(`status=401&to=${day(3)}&limit=1000`)).items;
    const failed = (key_prefix: string | null, client_address: string, attempts: number) => ({
      key_prefix: key_prefix ?? 'none',
      client_address,
      attempts,
      last_attempt: failedRows
        .filter((row) => row.key_prefix === key_prefix && row.client_address === client_address)
        .map((row) => row.timestamp)
        .sort()
        .at(-1),
    });
    const summary = async (from: string, to: string) => {
      const body = (await get(`/api/v1/audit/summary?from=${from}&to=${to}`)).json();
      // Grouping is what is asserted; the order of text keys depends on the database's collation.
      return { ...body, requests_per_day: [...body.requests_per_day].sort(byJson) };
    };

    expect(await summary(day(1), day(3))).toEqual({
      from: day(1),
      to: day(3),
      requests_per_day: [...perDay(1), ...perDay(2)].sort(byJson),
      failed_authentication: [
        failed('hso_AAAAAAAAAAAA', '10.0.3.1', 2),
        failed(null, '10.0.3.2', 2),
        failed('hso_AAAAAAAAAAAA', '10.0.3.3', 1),
        failed('hso_BBBBBBBBBBBB', '10.0.3.1', 1),
      ],
    });
    expect(await summary(day(1), day(2))).toEqual({
      from: day(1),
      to: day(2),
      requests_per_day: perDay(1).sort(byJson),
      failed_authentication: [failed('hso_AAAAAAAAAAAA', '10.0.3.1', 2), failed(null, '10.0.3.2', 2), failed('hso_BBBBBBBBBBBB', '10.0.3.1', 1)],
    });
    expect(await summary(day(2), day(3))).toEqual({
      from: day(2),
      to: day(3),
      requests_per_day: perDay(2).sort(byJson),
      failed_authentication: [failed('hso_AAAAAAAAAAAA', '10.0.3.3', 1)],
    });
  });

  /** Every row of a report, following next_cursor page by page (a cursor that never ends fails, not hangs). */
  async function pageThrough(query: string): Promise<AccessLogRowDto[]> {
    const rows: AccessLogRowDto[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages === 0 || cursor; pages++) {
      if (pages === 100) throw new Error(`${query}: still paging after 100 pages`);
      const page = await report(`${query}${cursor ? `&cursor=${cursor}` : ''}`);
      rows.push(...page.items);
      cursor = page.next_cursor;
    }
    return rows;
  }
});

const byJson = (a: unknown, b: unknown) => JSON.stringify(a).localeCompare(JSON.stringify(b));

const NUMERIC_SORTS = new Set(['seq', 'status_code', 'response_time_ms']);

/**
 * Rows out of place for a sort, judged without the database's text collation: numbers and times
 * must be monotonic, equal text values must form one run, and equal values must be in seq order.
 */
function misplaced(rows: AccessLogRowDto[], field: (typeof SORT_FIELDS)[number], order: 'asc' | 'desc'): string[] {
  const sign = order === 'asc' ? 1 : -1;
  const value = (row: AccessLogRowDto) => row[field] ?? (NUMERIC_SORTS.has(field) ? -1 : '');
  const closedRuns = new Set<unknown>();
  const problems: string[] = [];
  rows.forEach((row, i) => {
    if (i === 0) return;
    const [before, here] = [value(rows[i - 1]), value(row)];
    if (before === here) {
      if (sign * (Number(row.seq) - Number(rows[i - 1].seq)) <= 0) problems.push(`seq ${row.seq} after seq ${rows[i - 1].seq}`);
      return;
    }
    if (closedRuns.has(here)) problems.push(`${String(here)} in two runs`);
    closedRuns.add(before);
    const numeric = NUMERIC_SORTS.has(field) ? Number(here) - Number(before) : field === 'timestamp' ? Date.parse(String(here)) - Date.parse(String(before)) : sign;
    if (sign * numeric < 0) problems.push(`${String(here)} after ${String(before)}`);
  });
  return problems;
}

/** A CSV record back into its JSON row: empty is null, member_hashes `;`-joined, details JSON. */
function fromCsvRecord(columns: string[], cells: string[]): Record<string, unknown> {
  return Object.fromEntries(
    columns.map((column, i) => {
      const cell = cells[i];
      if (cell === '') return [column, null];
      if (column === 'status_code' || column === 'response_time_ms') return [column, Number(cell)];
      if (column === 'member_hashes') return [column, cell.split(';')];
      if (column === 'details') return [column, JSON.parse(cell)];
      return [column, cell];
    }),
  );
}
