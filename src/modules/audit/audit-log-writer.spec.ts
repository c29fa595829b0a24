import { Environment } from 'src/config/environment';
import { AccessLogRepository } from 'src/modules/audit/access-log.repository';
import { AccessRecord, AuditLogWriter } from 'src/modules/audit/audit-log-writer';

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
  let writer: AuditLogWriter;

  beforeEach(() => {
    appended = 0;
    const log = {
      appendChained: async (build: (tail: null) => unknown[]) => {
        appended += build(null).length;
        return [];
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
});
