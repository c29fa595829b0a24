import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ServiceSecrets } from 'src/common/phi/service-secrets';
import { Environment } from 'src/config/environment';
import { AccessLogRepository } from 'src/modules/audit/access-log.repository';
import { AuditCheckpoint, CheckpointKind } from 'src/modules/audit/audit-checkpoint.entity';
import { AuditCheckpointRepository } from 'src/modules/audit/audit-checkpoint.repository';
import { checkpointHmac } from 'src/modules/audit/hash-chain';

/**
 * Signs the chain's tail every AUDIT_CHECKPOINT_INTERVAL_MS (when it moved) and at shutdown. A
 * deleted tail then shows: the newest checkpoint names a row that is no longer there.
 */
@Injectable()
export class AuditCheckpointer implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(AuditCheckpointer.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly log: AccessLogRepository,
    private readonly checkpoints: AuditCheckpointRepository,
    private readonly secrets: ServiceSecrets,
    private readonly env: Environment,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => {
      this.checkpoint('periodic').catch((error: unknown) => this.logger.warn({ err: error }, 'Audit checkpoint failed'));
    }, this.env.AUDIT_CHECKPOINT_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Signs the current tail; null when the log is empty or the tail is already signed. */
  async checkpoint(kind: CheckpointKind): Promise<AuditCheckpoint | null> {
    const tail = await this.log.tail();
    if (!tail || (await this.checkpoints.latestSeq()) === tail.seq) return null;
    return this.sign(tail.seq, tail.rowHash, kind);
  }

  sign(seq: string, rowHash: string, kind: CheckpointKind): Promise<AuditCheckpoint> {
    return this.checkpoints.add({ seq, rowHash, kind, hmac: checkpointHmac(this.secrets.auditCheckpointKey, seq, rowHash) });
  }
}
