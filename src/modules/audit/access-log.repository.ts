import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AccessLogEntry } from 'src/modules/audit/access-log.entity';

export interface ChainTail {
  seq: string;
  rowHash: string;
}

// One chain for the whole deployment: every writer, in every replica, appends under this lock.
const AUDIT_CHAIN_LOCK = 7_104_222;
const PURGE_SETTING = "SELECT set_config('hedis.audit_purge', 'on', true)";

@Injectable()
export class AccessLogRepository {
  constructor(@InjectRepository(AccessLogEntry) private readonly entries: Repository<AccessLogEntry>) {}

  /**
   * Appends rows at the end of the chain. `build` receives the current tail inside the locked
   * transaction and returns the fully chained rows, so concurrent writers cannot interleave.
   * The lock is held to the end of the transaction, so callers passing `within` keep it short.
   */
  appendChained(build: (tail: ChainTail | null) => AccessLogEntry[], within?: EntityManager): Promise<AccessLogEntry[]> {
    const append = async (manager: EntityManager): Promise<AccessLogEntry[]> => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
      const rows = build(await this.tail(manager));
      await manager.createQueryBuilder().insert().into(AccessLogEntry).values(rows).execute();
      return rows;
    };
    // Inside a caller's transaction the row commits (or rolls back) with the change it records.
    return within ? append(within) : this.entries.manager.transaction(append);
  }

  async tail(manager: EntityManager = this.entries.manager): Promise<ChainTail | null> {
    const [row] = await manager.query('SELECT seq, row_hash FROM api_access_log ORDER BY seq DESC LIMIT 1');
    return row ? { seq: String(row.seq), rowHash: row.row_hash } : null;
  }

  findBySeq(seq: string): Promise<AccessLogEntry | null> {
    return this.entries.findOneBy({ seq });
  }

  async seqBounds(from?: Date, to?: Date): Promise<{ min: string; max: string } | null> {
    const qb = this.entries.createQueryBuilder('l').select('MIN(l.seq)', 'min').addSelect('MAX(l.seq)', 'max');
    if (from) qb.andWhere('l.timestamp >= :from', { from });
    if (to) qb.andWhere('l.timestamp < :to', { to });
    const row = await qb.getRawOne<{ min: string | null; max: string | null }>();
    return row?.min ? { min: String(row.min), max: String(row.max) } : null;
  }

  /** Rows with seq in [fromSeq, toSeq], in order, `batchSize` at a time. */
  async *inSeqRange(fromSeq: string, toSeq: string, batchSize = 2_000): AsyncGenerator<AccessLogEntry[]> {
    let next = BigInt(fromSeq);
    const last = BigInt(toSeq);
    while (next <= last) {
      const batch = await this.entries
        .createQueryBuilder('l')
        .where('l.seq >= :next AND l.seq <= :last', { next: next.toString(), last: last.toString() })
        .orderBy('l.seq', 'ASC')
        .limit(batchSize)
        .getMany();
      if (batch.length === 0) return;
      yield batch;
      next = BigInt(batch[batch.length - 1].seq) + 1n;
    }
  }

  /** Deletes the chain's prefix up to and including `lastSeq`: the one delete the trigger allows. */
  async purgeThrough(lastSeq: string): Promise<number> {
    return this.entries.manager.transaction(async (manager) => {
      await manager.query(PURGE_SETTING);
      const result = await manager.query('DELETE FROM api_access_log WHERE seq <= $1', [lastSeq]);
      return Array.isArray(result) ? Number(result[1] ?? 0) : 0;
    });
  }

  /** The last seq of rows older than `cutoff` (the purge boundary), if any. */
  async lastSeqBefore(cutoff: Date): Promise<string | null> {
    const [row] = await this.entries.query('SELECT MAX(seq) AS seq FROM api_access_log WHERE timestamp < $1', [cutoff]);
    return row?.seq ? String(row.seq) : null;
  }

  get manager(): EntityManager {
    return this.entries.manager;
  }
}
