import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Clock } from 'src/common/time/clock';
import { Environment } from 'src/config/environment';
import { AccessLogRepository } from 'src/modules/audit/access-log.repository';
import { AuditCheckpointer } from 'src/modules/audit/audit-checkpointer';

const DAY_MS = 24 * 3600 * 1000;
/** The first purge waits a minute, off the start-up path; replicas restarted daily still purge. */
export const FIRST_PURGE_DELAY_MS = 60_000;

export interface PurgeResult {
  deleted_rows: number;
  through_seq: string | null;
  cutoff: string;
}

/**
 * Deletes access-log rows older than AUDIT_RETENTION_DAYS: a minute after start-up and daily after
 * that in the service, and on demand from the CLI. The last deleted row is signed first (a `purge`
 * checkpoint), so the remaining chain still verifies from its new first row.
 */
@Injectable()
export class AuditRetention implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(AuditRetention.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly log: AccessLogRepository,
    private readonly checkpointer: AuditCheckpointer,
    private readonly clock: Clock,
    private readonly env: Environment,
  ) {}

  onModuleInit(): void {
    const purgeLogged = (): void => {
      this.purge().catch((error: unknown) => this.logger.error({ err: error }, 'Audit retention purge failed'));
    };
    this.timer = setTimeout(() => {
      purgeLogged();
      this.timer = setInterval(purgeLogged, DAY_MS).unref();
    }, FIRST_PURGE_DELAY_MS).unref();
  }

  onApplicationShutdown(): void {
    // clearTimeout clears either kind of timer.
    clearTimeout(this.timer);
  }

  async purge(): Promise<PurgeResult> {
    const cutoff = new Date(this.clock.now().getTime() - this.env.AUDIT_RETENTION_DAYS * DAY_MS);
    const through = await this.log.lastSeqBefore(cutoff);
    if (!through) return { deleted_rows: 0, through_seq: null, cutoff: cutoff.toISOString() };
    const last = await this.log.findBySeq(through);
    await this.checkpointer.sign(through, last!.rowHash, 'purge');
    const deleted = await this.log.purgeThrough(through);
    this.logger.log({ deleted, through }, 'Audit rows past retention purged');
    return { deleted_rows: deleted, through_seq: through, cutoff: cutoff.toISOString() };
  }
}
