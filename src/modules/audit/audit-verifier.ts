import { Injectable } from '@nestjs/common';
import { ServiceSecrets } from 'src/common/phi/service-secrets';
import { AccessLogRepository } from 'src/modules/audit/access-log.repository';
import { AuditCheckpoint } from 'src/modules/audit/audit-checkpoint.entity';
import { AuditCheckpointRepository } from 'src/modules/audit/audit-checkpoint.repository';
import { chainHash, checkpointHmac, GENESIS_HASH } from 'src/modules/audit/hash-chain';

export interface ChainBreak {
  seq: string;
  log_id: string | null;
  timestamp: string | null;
  reason: string;
}

export interface VerificationResult {
  ok: boolean;
  rows_checked: number;
  checkpoints_checked: number;
  first_seq: string | null;
  last_seq: string | null;
  broken: ChainBreak | null;
}

const breakAt = (seq: string, reason: string, row?: { logId: string; timestamp: Date }): ChainBreak => ({
  seq,
  log_id: row?.logId ?? null,
  timestamp: row?.timestamp.toISOString() ?? null,
  reason,
});

/** Recomputes the chain over a time range and checks it against the signed checkpoints. */
@Injectable()
export class AuditVerifier {
  constructor(
    private readonly log: AccessLogRepository,
    private readonly checkpoints: AuditCheckpointRepository,
    private readonly secrets: ServiceSecrets,
  ) {}

  async verify(range: { from?: Date; to?: Date } = {}): Promise<VerificationResult> {
    const all = await this.checkpoints.listBySeq();
    const keys = [this.secrets.auditCheckpointKey, ...this.secrets.previousCheckpointKeys];
    const forged = all.find((c) => !keys.some((key) => c.hmac === checkpointHmac(key, c.seq, c.rowHash)));
    const result = (broken: ChainBreak | null, rows = 0, first: string | null = null, last: string | null = null): VerificationResult => ({
      ok: broken === null,
      rows_checked: rows,
      checkpoints_checked: all.length,
      first_seq: first,
      last_seq: last,
      broken,
    });
    if (forged) return result(breakAt(forged.seq, 'checkpoint signature matches neither AUDIT_CHECKPOINT_KEY nor any of AUDIT_CHECKPOINT_PREVIOUS_KEYS'));

    const whole = await this.log.seqBounds();
    const bounds = range.from || range.to ? await this.log.seqBounds(range.from, range.to) : whole;
    const newest = all.at(-1);
    if (!bounds || !whole) {
      return result(newest ? breakAt(newest.seq, `the log is empty but checkpoint ${newest.seq} signs row ${newest.seq}: rows were removed`) : null);
    }
    const start = await this.expectedPrevHash(bounds.min, whole.min, all);
    if ('reason' in start) return result(start);

    const wanted = new Map(all.filter((c) => BigInt(c.seq) >= BigInt(bounds.min)).map((c) => [c.seq, c]));
    let expectedSeq = BigInt(bounds.min);
    let prevHash = start.hash;
    let rows = 0;
    for await (const batch of this.log.inSeqRange(bounds.min, bounds.max)) {
      for (const row of batch) {
        rows += 1;
        if (BigInt(row.seq) !== expectedSeq) return result(breakAt(expectedSeq.toString(), 'row missing from the sequence'), rows, bounds.min);
        if (row.prevHash !== prevHash) return result(breakAt(row.seq, 'prev_hash does not match the previous row', row), rows, bounds.min);
        const { prevHash: _p, rowHash: stored, ...fields } = row;
        if (chainHash(prevHash, fields) !== stored) return result(breakAt(row.seq, 'row_hash does not match the row: it was altered', row), rows, bounds.min);
        const checkpoint = wanted.get(row.seq);
        if (checkpoint && checkpoint.rowHash !== stored) return result(breakAt(row.seq, 'row differs from its signed checkpoint', row), rows, bounds.min);
        prevHash = stored;
        expectedSeq += 1n;
      }
    }
    if (expectedSeq - 1n !== BigInt(bounds.max)) return result(breakAt(expectedSeq.toString(), 'row missing from the sequence'), rows, bounds.min);
    if (newest && BigInt(newest.seq) > BigInt(whole.max)) {
      return result(breakAt(newest.seq, `rows after ${whole.max} are missing: checkpoint signs row ${newest.seq}`), rows, bounds.min, bounds.max);
    }
    return result(null, rows, bounds.min, bounds.max);
  }

  /** The hash the first row in range must point back to: genesis, a purge anchor, or the stored previous row. */
  private async expectedPrevHash(firstSeq: string, oldestSeq: string, checkpoints: AuditCheckpoint[]): Promise<{ hash: string } | ChainBreak> {
    const previous = (BigInt(firstSeq) - 1n).toString();
    if (firstSeq !== oldestSeq) {
      const row = await this.log.findBySeq(previous);
      return row ? { hash: row.rowHash } : breakAt(previous, 'row missing from the sequence');
    }
    if (firstSeq === '1') return { hash: GENESIS_HASH };
    const anchor = checkpoints.find((c) => c.kind === 'purge' && c.seq === previous);
    return anchor ? { hash: anchor.rowHash } : breakAt(previous, 'rows before this one were removed without a retention checkpoint');
  }
}
