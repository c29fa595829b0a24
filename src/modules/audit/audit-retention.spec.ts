import { Clock } from 'src/common/time/clock';
import { Environment } from 'src/config/environment';
import { AccessLogRepository } from 'src/modules/audit/access-log.repository';
import { AuditCheckpointer } from 'src/modules/audit/audit-checkpointer';
import { AuditRetention, FIRST_PURGE_DELAY_MS } from 'src/modules/audit/audit-retention';

const DAY_MS = 24 * 3600 * 1000;

describe('AuditRetention schedule', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const retention = () => {
    const log = { lastSeqBefore: jest.fn().mockResolvedValue(null) } as unknown as AccessLogRepository;
    const service = new AuditRetention(log, {} as AuditCheckpointer, new Clock(), new Environment());
    const purge = jest.spyOn(service, 'purge');
    return { service, purge };
  };

  it('purges a minute after start-up, then daily, so replicas restarted more often than daily still purge', () => {
    const { service, purge } = retention();
    service.onModuleInit();
    jest.advanceTimersByTime(FIRST_PURGE_DELAY_MS - 1);
    expect(purge).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(purge).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(DAY_MS);
    expect(purge).toHaveBeenCalledTimes(2);
    service.onApplicationShutdown();
    jest.advanceTimersByTime(2 * DAY_MS);
    expect(purge).toHaveBeenCalledTimes(2);
  });

  it('stops before the first purge when shut down early', () => {
    const { service, purge } = retention();
    service.onModuleInit();
    service.onApplicationShutdown();
    jest.advanceTimersByTime(FIRST_PURGE_DELAY_MS + DAY_MS);
    expect(purge).not.toHaveBeenCalled();
  });
});
