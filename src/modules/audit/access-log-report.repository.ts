import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, SelectQueryBuilder } from 'typeorm';
import { AccessLogEntry } from 'src/modules/audit/access-log.entity';
import type { SortField } from 'src/modules/audit/dto/access-log-query.dto';

export interface AccessLogFilter {
  from?: Date;
  to?: Date;
  apiKeyHash?: string;
  role?: string;
  endpoint?: string;
  method?: string;
  status?: number;
  requestId?: string;
  eventType?: string;
  memberHash?: string;
}

export interface PageRequest {
  sort: SortField;
  order: 'asc' | 'desc';
  limit: number;
  /** The sort value and seq of the last row of the previous page. */
  after?: [string | number, string];
}

/** SQL for each sortable field; nullable ones are coalesced so keyset comparisons stay total. */
const SORT_SQL: Record<SortField, { expr: string; cast: string }> = {
  timestamp: { expr: 'l.timestamp', cast: 'timestamp' },
  seq: { expr: 'l.seq', cast: 'bigint' },
  log_id: { expr: 'l.log_id', cast: 'uuid' },
  event_type: { expr: 'l.event_type', cast: 'text' },
  api_key_hash: { expr: 'l.api_key_hash', cast: 'text' },
  key_prefix: { expr: "COALESCE(l.key_prefix, '')", cast: 'text' },
  role: { expr: "COALESCE(l.role, '')", cast: 'text' },
  endpoint: { expr: 'l.endpoint', cast: 'text' },
  method: { expr: 'l.method', cast: 'text' },
  status_code: { expr: 'l.status_code', cast: 'integer' },
  response_time_ms: { expr: 'COALESCE(l.response_time_ms, -1)', cast: 'integer' },
  request_id: { expr: "COALESCE(l.request_id, '')", cast: 'text' },
  client_address: { expr: "COALESCE(l.client_address, '')", cast: 'text' },
};

@Injectable()
export class AccessLogReportRepository {
  constructor(@InjectRepository(AccessLogEntry) private readonly entries: Repository<AccessLogEntry>) {}

  /** One page in keyset order; `sortValue` is what a cursor needs to resume after a row. */
  async page(filter: AccessLogFilter, page: PageRequest): Promise<Array<AccessLogEntry & { sortValue: string | number }>> {
    const { expr, cast } = SORT_SQL[page.sort];
    const direction = page.order === 'asc' ? 'ASC' : 'DESC';
    const qb = this.filtered(filter).addSelect(`${expr}::text`, 'sort_value');
    const comparison = page.order === 'asc' ? '>' : '<';
    if (page.after && page.sort === 'seq') {
      // seq is unique: a plain comparison lets the seq index drive the scan (exports page this way).
      qb.andWhere(`l.seq ${comparison} CAST(:afterSeq AS bigint)`, { afterSeq: page.after[1] });
    } else if (page.after) {
      qb.andWhere(`(${expr}, l.seq) ${comparison} (CAST(:afterValue AS ${cast}), CAST(:afterSeq AS bigint))`, {
        afterValue: page.after[0],
        afterSeq: page.after[1],
      });
    }
    qb.orderBy(expr, direction).addOrderBy('l.seq', direction).limit(page.limit);
    const { entities, raw } = await qb.getRawAndEntities<{ sort_value: string }>();
    return entities.map((entity, i) => Object.assign(entity, { sortValue: raw[i].sort_value }));
  }

  requestsPerDay(from: Date, to: Date): Promise<Array<Record<string, string | number>>> {
    return this.entries.query(
      `SELECT to_char(date_trunc('day', timestamp), 'YYYY-MM-DD') AS day, COALESCE(key_prefix, api_key_hash) AS key,
              COALESCE(role, 'none') AS role, endpoint, (status_code / 100)::text || 'xx' AS status_class, COUNT(*)::int AS requests
         FROM api_access_log
        WHERE event_type = 'http.request' AND timestamp >= $1 AND timestamp < $2
        GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
      [from, to],
    );
  }

  failedAuthentications(from: Date, to: Date): Promise<Array<Record<string, string | number>>> {
    return this.entries.query(
      `SELECT COALESCE(key_prefix, 'none') AS key_prefix, COALESCE(client_address, 'unknown') AS client_address,
              COUNT(*)::int AS attempts, to_char(MAX(timestamp), 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS last_attempt
         FROM api_access_log
        WHERE event_type = 'http.request' AND status_code = 401 AND timestamp >= $1 AND timestamp < $2
        GROUP BY 1, 2 ORDER BY attempts DESC, 1, 2`,
      [from, to],
    );
  }

  private filtered(filter: AccessLogFilter): SelectQueryBuilder<AccessLogEntry> {
    const qb = this.entries.createQueryBuilder('l');
    if (filter.from) qb.andWhere('l.timestamp >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('l.timestamp < :to', { to: filter.to });
    if (filter.apiKeyHash) qb.andWhere('l.api_key_hash = :apiKeyHash', { apiKeyHash: filter.apiKeyHash });
    if (filter.role) qb.andWhere('l.role = :role', { role: filter.role });
    if (filter.endpoint) qb.andWhere('l.endpoint = :endpoint', { endpoint: filter.endpoint });
    if (filter.method) qb.andWhere('l.method = :method', { method: filter.method });
    if (filter.status !== undefined) qb.andWhere('l.status_code = :status', { status: filter.status });
    if (filter.requestId) qb.andWhere('l.request_id = :requestId', { requestId: filter.requestId });
    if (filter.eventType) qb.andWhere('l.event_type = :eventType', { eventType: filter.eventType });
    if (filter.memberHash) qb.andWhere('l.member_hashes @> ARRAY[:memberHash]::varchar(64)[]', { memberHash: filter.memberHash });
    return qb;
  }
}
