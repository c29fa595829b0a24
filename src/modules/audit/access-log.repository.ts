import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AccessLogEntry } from 'src/modules/audit/access-log.entity';
import { Environment } from 'src/config/environment';
import { preparedQuery } from 'src/database/prepared-query';
import { Bind, CompanionStatement, WHEN_APPENDED } from 'src/modules/audit/companion-write';

export interface ChainTail {
  seq: string;
  rowHash: string;
}

// One chain for the whole deployment: every writer, in every replica, appends under this lock.
const AUDIT_CHAIN_LOCK = 7_104_222;
const PURGE_SETTING = "SELECT set_config('hedis.audit_purge', 'on', true)";
const UNIQUE_VIOLATION = '23505';
const SEQ_CONSTRAINT = 'uq_api_access_log_seq';

/** The tail a guarded insert expects, and companion changes written by the same statement. */
interface Guard {
  tail: ChainTail | null;
  companions?: (bind: Bind) => CompanionStatement[];
}

/**
 * `append_ok` holds one row when the insert may go ahead: the chain lock is taken (once, before any
 * row is produced), the tail is the expected one, and no companion change would make audit events.
 * Then the companions' own CTEs, which write under the same condition.
 */
function guardCtes({ tail, companions }: Guard, bind: Bind): string {
  const parts = companions?.(bind) ?? [];
  const noEvents = parts.map((part) => `AND (${part.noEvents})`).join(' ');
  return `WITH chain_lock AS MATERIALIZED (SELECT pg_advisory_xact_lock(${bind(AUDIT_CHAIN_LOCK)})),
               chain_tail AS MATERIALIZED (SELECT seq, row_hash FROM api_access_log ORDER BY seq DESC LIMIT 1),
               append_ok AS MATERIALIZED (
                 SELECT 1 WHERE EXISTS (SELECT 1 FROM chain_lock)
                   AND (SELECT seq FROM chain_tail) IS NOT DISTINCT FROM ${bind(tail?.seq ?? null)}::bigint
                   AND (SELECT row_hash FROM chain_tail) IS NOT DISTINCT FROM ${bind(tail?.rowHash ?? null)}::char(64)
                   ${noEvents})
               ${parts.map((part) => `, ${part.ctes}`).join('')}`;
}

@Injectable()
export class AccessLogRepository {
  /**
   * The one-statement append is prepared on PostgreSQL. Not on the embedded database: after an
   * execution of a named statement fails, its wire server answers the next Parse with "already exists".
   */
  private readonly prepareAppend: boolean;

  constructor(
    @InjectRepository(AccessLogEntry) private readonly entries: Repository<AccessLogEntry>,
    env: Environment,
  ) {
    this.prepareAppend = Boolean(env.DATABASE_URL);
  }

  /**
   * Appends rows at the end of the chain. `build` receives the tail inside the locked transaction and
   * returns the fully chained rows, so concurrent writers cannot interleave. The lock is held to the
   * end of the transaction, so callers passing `within` keep it short.
   */
  appendChained(build: (tail: ChainTail | null) => AccessLogEntry[], within?: EntityManager): Promise<AccessLogEntry[]> {
    const append = async (manager: EntityManager): Promise<AccessLogEntry[]> => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
      return this.appendLocked(build, manager);
    };
    // Inside a caller's transaction the row commits (or rolls back) with the change it records.
    return within ? append(within) : this.entries.manager.transaction(append);
  }

  /**
   * Runs `work` in a transaction that holds the chain lock from its first round trip (BEGIN and the
   * lock travel as one simple-protocol query), for appends made with `appendLocked`.
   */
  async lockedTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const runner = this.entries.manager.connection.createQueryRunner();
    await runner.connect();
    try {
      await runner.query(`BEGIN; SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
      const result = await work(runner.manager);
      await runner.query('COMMIT');
      return result;
    } catch (error) {
      // Also after a failed BEGIN-and-lock: the connection must not go back to the pool inside a transaction.
      await runner.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  /**
   * `appendChained` for a transaction that already holds the chain lock. A caller that knows the tail
   * (`expected`) saves the read: statements after the lock see every committed row, so the guard is exact.
   */
  async appendLocked(
    build: (tail: ChainTail | null) => AccessLogEntry[],
    manager: EntityManager,
    expected?: ChainTail | null,
  ): Promise<AccessLogEntry[]> {
    if (expected !== undefined) {
      const rows = build(expected);
      if (await this.insertRows(rows, manager, { tail: expected })) return rows;
    }
    const rows = build(await this.tail(manager));
    await this.insertRows(rows, manager);
    return rows;
  }

  /**
   * Appends rows chained onto `expected` in one statement — one round trip, committed when it
   * returns — together with any companion changes, or answers false and writes nothing if the tail
   * has moved on (another writer or replica appended) or a companion's change would make audit events.
   * The statement takes the chain lock before inserting, but its snapshot predates the lock: a row
   * committed while it waited is invisible to the guard, and the unique `seq` then rejects the insert.
   */
  async appendIfTail(
    rows: AccessLogEntry[],
    expected: ChainTail | null,
    companions?: (bind: Bind) => CompanionStatement[],
  ): Promise<boolean> {
    try {
      return await this.insertRows(rows, null, { tail: expected, companions });
    } catch (error) {
      const { code, constraint } = error as { code?: string; constraint?: string };
      if (code === UNIQUE_VIOLATION && constraint === SEQ_CONSTRAINT) return false;
      throw error;
    }
  }

  /**
   * One INSERT of column arrays (unnest): far cheaper per row than the query builder under load.
   * With a guard, inserts only while the chain's tail is the expected row (null: an empty chain).
   * Without a transaction (`manager` null) the statement commits on its own.
   */
  private async insertRows(rows: AccessLogEntry[], manager: EntityManager | null, guard?: Guard): Promise<boolean> {
    const column = <K extends keyof AccessLogEntry>(key: K): Array<AccessLogEntry[K]> => rows.map((row) => row[key]);
    const params: unknown[] = [
      column('logId'), column('seq'), column('apiKeyHash'), column('endpoint'), column('method'), column('statusCode'),
      column('responseTimeMs'), column('timestamp'), column('eventType'), column('requestId'), column('role'),
      column('keyPrefix'), column('clientAddress'),
      // A ragged array of member lists cannot be one SQL array; each list travels as JSON.
      rows.map((row) => (row.memberHashes ? JSON.stringify(row.memberHashes) : null)),
      rows.map((row) => (row.details ? JSON.stringify(row.details) : null)),
      column('prevHash'), column('rowHash'),
    ];
    const bind: Bind = (value) => `$${params.push(value)}`;
    const text = `${guard ? guardCtes(guard, bind) : ''}
       INSERT INTO api_access_log (log_id, seq, api_key_hash, endpoint, method, status_code, response_time_ms, timestamp,
                                   event_type, request_id, role, key_prefix, client_address, member_hashes, details, prev_hash, row_hash)
       SELECT u.log_id, u.seq, u.api_key_hash, u.endpoint, u.method, u.status_code, u.response_time_ms, u.ts, u.event_type,
              u.request_id, u.role, u.key_prefix, u.client_address,
              CASE WHEN u.members IS NULL THEN NULL ELSE ARRAY(SELECT jsonb_array_elements_text(u.members))::varchar(64)[] END,
              u.details, u.prev_hash, u.row_hash
         FROM unnest($1::uuid[], $2::bigint[], $3::varchar[], $4::varchar[], $5::varchar[], $6::int[], $7::int[], $8::timestamp[],
                     $9::varchar[], $10::varchar[], $11::varchar[], $12::varchar[], $13::varchar[], $14::jsonb[], $15::jsonb[],
                     $16::char(64)[], $17::char(64)[])
           AS u(log_id, seq, api_key_hash, endpoint, method, status_code, response_time_ms, ts, event_type, request_id, role,
                key_prefix, client_address, members, details, prev_hash, row_hash)
       ${guard ? WHEN_APPENDED : ''}
       RETURNING seq`;
    const inserted: unknown[] =
      !manager && this.prepareAppend
        ? await preparedQuery(this.entries.manager.connection, text, params)
        : await (manager ?? this.entries.manager).query(text, params);
    return inserted.length === rows.length;
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
}
