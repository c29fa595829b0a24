import { Environment } from 'src/config/environment';
import { AccessLogRepository } from 'src/modules/audit/access-log.repository';
import { AccessRecord, AuditLogWriter } from 'src/modules/audit/audit-log-writer';
import { BatchWriter, CompanionStatement } from 'src/modules/audit/companion-write';

const record = (): AccessRecord => ({
  eventType: 'http.request',
  apiKeyHash: 'anonymous',
  keyPrefix: null,
  role: null,
  endpoint: '/x',
  method: 'GET',
  statusCode: 200,
  responseTimeMs: 1,
  timestamp: new Date(),
  requestId: 'r',
  clientAddress: null,
  memberHashes: null,
  details: null,
});

describe(AuditLogWriter.name, () => {
  let appended: number;
  let steps: string[];
  let tailMoved: boolean;
  let writer: AuditLogWriter;

  beforeEach(() => {
    appended = 0;
    steps = [];
    tailMoved = false;
    const log = {
      lockedTransaction: async (work: (manager: object) => Promise<unknown>) => {
        steps.push('begin');
        const result = await work({});
        steps.push('commit');
        return result;
      },
      appendLocked: async (build: (tail: null) => Array<{ seq: string; endpoint: string }>) => {
        const rows = build(null);
        appended += rows.length;
        steps.push(`rows ${rows.map((row) => row.endpoint).join(',')}`);
        return rows;
      },
      // The tail this writer remembers has moved on when `tailMoved` says so.
      appendIfTail: async (rows: unknown[], _tail: unknown, companions: (bind: () => string) => CompanionStatement[]) => {
        if (tailMoved) return false;
        appended += rows.length;
        const parts = companions(() => '$1').map((part) => ` with ${part.ctes}`);
        steps.push(`fast ${appended}${parts.join('')}`);
        return true;
      },
    } as unknown as AccessLogRepository;
    // A long timer interval: anything that waits for it would time out the test.
    writer = new AuditLogWriter(log, { AUDIT_FLUSH_INTERVAL_MS: 60_000 } as Environment);
    writer.onModuleInit();
  });

  afterEach(() => writer.onApplicationShutdown());

  it('commits durable appends one after another without waiting for the flush timer', async () => {
    for (let i = 0; i < 20; i++) await writer.appendDurable(record());
    expect(appended).toBe(20);
  });

  it('still drains after a flush found nothing to write', async () => {
    await writer.flush();
    await writer.appendDurable(record());
    expect(appended).toBe(1);
  });

  it('writes buffered rows on flush', async () => {
    writer.appendBuffered(record());
    writer.appendBuffered(record());
    await writer.flush();
    expect(appended).toBe(2);
  });

  it('appends rows alone in one statement onto the tail it wrote last, and re-reads a tail that moved', async () => {
    await writer.appendDurable(record());
    await writer.appendDurable(record());
    tailMoved = true;
    await writer.appendDurable(record());
    expect(steps).toEqual(['begin', 'rows /x', 'commit', 'fast 2', 'begin', 'rows /x', 'commit']);
  });

  it('commits companion writes in the rows\' transaction, each writer once with all its items', async () => {
    const calls: string[][] = [];
    const companion: BatchWriter<string> = {
      writeBatch: async (items) => {
        calls.push(items);
        steps.push(`companions ${items.join(',')}`);
        return [];
      },
    };
    // The first append starts a commit at once; the two that arrive while it runs share the next one.
    await Promise.all(['a', 'b', 'c'].map((item) => writer.appendDurable(record(), [{ writer: companion, item }])));
    expect(calls).toEqual([['a'], ['b', 'c']]);
    expect(steps).toEqual(['begin', 'companions a', 'rows /x', 'commit', 'begin', 'companions b,c', 'rows /x,/x', 'commit']);
  });

  it('chains the events a companion write reports ahead of the request rows, in the same transaction', async () => {
    const closingGaps: BatchWriter<string> = {
      writeBatch: async () => [{ ...record(), eventType: 'gap.status_changed', endpoint: 'gap.status_changed' }],
    };
    await writer.appendDurable(record(), [{ writer: closingGaps, item: 'x' }]);
    expect(steps).toEqual(['begin', 'rows gap.status_changed,/x', 'commit']);
  });

  it('writes companions that offer a statement part in the one-statement append', async () => {
    const inStatement: BatchWriter<string> = {
      writeBatch: async () => [],
      statement: () => ({ ctes: 'extra AS (SELECT 1)', noEvents: 'TRUE' }),
    };
    await writer.appendDurable(record());
    await writer.appendDurable(record(), [{ writer: inStatement, item: 'x' }]);
    expect(steps).toEqual(['begin', 'rows /x', 'commit', 'fast 2 with extra AS (SELECT 1)']);
  });

  it('rejects the durable appends of a batch whose companion write failed, and keeps going', async () => {
    const failing: BatchWriter<string> = { writeBatch: async () => Promise.reject(new Error('constraint')) };
    await expect(writer.appendDurable(record(), [{ writer: failing, item: 'x' }])).rejects.toThrow('constraint');
    expect(appended).toBe(0);
    await writer.appendDurable(record());
    expect(appended).toBe(1);
  });
});
