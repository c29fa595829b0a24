import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Environment } from 'src/config/environment';
import { AccessLogEntry } from 'src/modules/audit/access-log.entity';
import { AccessLogRepository, ChainTail } from 'src/modules/audit/access-log.repository';
import { companionStatements, CompanionWrite, writeCompanions } from 'src/modules/audit/companion-write';
import { chainHash, GENESIS_HASH } from 'src/modules/audit/hash-chain';

/** A row as the caller knows it; sequence, id and hashes are assigned when it is appended. */
export type AccessRecord = Omit<AccessLogEntry, 'logId' | 'seq' | 'prevHash' | 'rowHash'>;

interface Pending {
  record: AccessRecord;
  companions?: readonly CompanionWrite[];
  settle?: { resolve: () => void; reject: (error: unknown) => void };
}

const BATCH_SIZE = 500;
// Beyond this many unwritten rows (database down for long), the oldest buffered rows are dropped with an error log.
const MAX_BUFFERED = 100_000;

/**
 * Appends to the audit chain. Durable appends resolve only once their row is committed (concurrent
 * ones share one transaction: group commit); buffered appends are written within
 * AUDIT_FLUSH_INTERVAL_MS and on shutdown.
 */
@Injectable()
export class AuditLogWriter implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(AuditLogWriter.name);
  private queue: Pending[] = [];
  private draining: Promise<void> | null = null;
  private timer?: NodeJS.Timeout;
  /** The last row this writer appended (undefined: unknown), so the next append need not read it. */
  private knownTail?: ChainTail | null;

  constructor(
    private readonly log: AccessLogRepository,
    private readonly env: Environment,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.drain(), this.env.AUDIT_FLUSH_INTERVAL_MS);
    this.timer.unref();
  }

  /** The final flush runs earlier, in the HTTP server's close hook, while the database is still open. */
  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Resolves when the row, and the changes it accompanies, are committed; rejects if they could not be. */
  appendDurable(record: AccessRecord, companions: readonly CompanionWrite[] = []): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ record, companions, settle: { resolve, reject } });
      void this.drain();
    });
  }

  /** Appends inside the caller's transaction, so the records and the change they describe commit together. */
  async appendWithin(manager: EntityManager, records: AccessRecord[]): Promise<void> {
    await this.log.appendChained((tail) => this.chain(tail, records.map((record) => ({ record }))), manager);
  }

  appendBuffered(record: AccessRecord): void {
    this.queue.push({ record });
    if (this.queue.length > MAX_BUFFERED) {
      const dropped = this.queue.splice(0, this.queue.length - MAX_BUFFERED).filter((p) => !p.settle);
      this.logger.error({ dropped: dropped.length }, 'Audit buffer full: oldest buffered access rows dropped');
    }
  }

  /** Writes everything queued so far (used at shutdown and by tests). */
  async flush(): Promise<void> {
    await this.drain();
    // A drain stops at a write error; one more attempt, then the rows stay queued for the timer.
    if (this.queue.length > 0) await this.drain();
  }

  private drain(): Promise<void> {
    // Only with work queued: drainQueue then always awaits before its finally clears the field.
    if (!this.draining && this.queue.length > 0) this.draining = this.drainQueue();
    return this.draining ?? Promise.resolve();
  }

  private async drainQueue(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, BATCH_SIZE);
        try {
          const rows = await this.append(batch);
          this.knownTail = { seq: rows[rows.length - 1].seq, rowHash: rows[rows.length - 1].rowHash };
          batch.forEach((p) => p.settle?.resolve());
        } catch (error) {
          this.knownTail = undefined;
          batch.forEach((p) => p.settle?.reject(error));
          this.queue.unshift(...batch.filter((p) => !p.settle));
          this.logger.error({ err: error, rows: batch.length }, 'Could not append to the audit log');
          return;
        }
      }
    } finally {
      // Cleared in the tick the loop ends, before any resolved caller runs again, so an append
      // that follows at once starts a new drain rather than waiting for the timer (see GroupCommit).
      this.draining = null;
    }
  }

  /**
   * One statement when this writer knows the tail and every companion change can join it (see
   * CompanionStatement); otherwise, or if the tail has moved on (another writer or replica appended),
   * the locked transaction.
   */
  private async append(batch: Pending[]): Promise<AccessLogEntry[]> {
    const companions = batch.flatMap((p) => p.companions ?? []);
    const statements = companionStatements(companions);
    if (this.knownTail !== undefined && statements) {
      const rows = this.chain(this.knownTail, batch);
      if (await this.log.appendIfTail(rows, this.knownTail, statements)) return rows;
    }
    return this.log.lockedTransaction(async (manager) => {
      // The events a change records itself (a gap closed) are chained ahead of the request rows.
      const events = await writeCompanions(companions, manager);
      const rows = [...events.map((record) => ({ record })), ...batch];
      return this.log.appendLocked((tail) => this.chain(tail, rows), manager, this.knownTail);
    });
  }

  private chain(tail: ChainTail | null, batch: Pending[]): AccessLogEntry[] {
    let seq = tail ? BigInt(tail.seq) : 0n;
    let prevHash = tail?.rowHash ?? GENESIS_HASH;
    return batch.map(({ record }) => {
      seq += 1n;
      const fields = { ...record, logId: randomUUID(), seq: seq.toString() };
      const rowHash = chainHash(prevHash, fields);
      const row = { ...fields, prevHash, rowHash };
      prevHash = rowHash;
      return row;
    });
  }
}
