import { Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import { ValidationFailedError } from 'src/common/errors/domain-error';
import { Clock } from 'src/common/time/clock';
import { AccessLogEntry } from 'src/modules/audit/access-log.entity';
import { AccessLogFilter, AccessLogReportRepository, PageRequest } from 'src/modules/audit/access-log-report.repository';
import { keyIdHash } from 'src/modules/audit/audit-trail';
import { AccessLogFilterDto, AccessLogQueryDto, SortField } from 'src/modules/audit/dto/access-log-query.dto';
import { AccessLogPageDto, AccessLogRowDto } from 'src/modules/audit/dto/access-log-row.dto';
import { MemberAccessQueryDto } from 'src/modules/audit/dto/member-access-query.dto';
import { toCsvLine } from 'src/modules/audit/csv-line';

const EXPORT_PAGE = 2_000;
const DAY_MS = 24 * 3600 * 1000;
export const EXPORT_COLUMNS: Array<keyof AccessLogRowDto> = [
  'seq', 'log_id', 'timestamp', 'event_type', 'api_key_hash', 'key_prefix', 'role', 'endpoint', 'method',
  'status_code', 'response_time_ms', 'request_id', 'client_address', 'member_hashes', 'details',
];

type Cursor = [SortField, 'asc' | 'desc', string | number, string];

/** Compliance reports over the access log: filtered, sorted, paged, exported and summarised. */
@Injectable()
export class AuditReportsService {
  constructor(
    private readonly reports: AccessLogReportRepository,
    private readonly clock: Clock,
  ) {}

  async accessLog(query: AccessLogQueryDto): Promise<AccessLogPageDto> {
    const sort = query.sort ?? 'timestamp';
    const order = query.order ?? 'desc';
    return this.page(this.filter(query), { sort, order, limit: query.limit ?? 100, after: this.decodeCursor(query.cursor, sort, order) });
  }

  /** Every access to one member's data: the HIPAA accounting-of-disclosures question. */
  memberAccess(query: MemberAccessQueryDto): Promise<AccessLogPageDto> {
    const filter = { ...this.filter(query), memberHash: query.member_id };
    return this.page(filter, { sort: 'seq', order: 'asc', limit: query.limit ?? 100, after: this.decodeCursor(query.cursor, 'seq', 'asc') });
  }

  /** Streams every matching row, one page at a time, so memory stays flat however large the export. */
  export(query: AccessLogFilterDto, format: 'csv' | 'jsonl'): Readable {
    const filter = this.filter(query);
    const reports = this.reports;
    async function* lines(): AsyncGenerator<string> {
      if (format === 'csv') yield toCsvLine(EXPORT_COLUMNS);
      let after: PageRequest['after'];
      for (;;) {
        const rows = await reports.page(filter, { sort: 'seq', order: 'asc', limit: EXPORT_PAGE, after });
        for (const row of rows) {
          const dto = toRowDto(row);
          yield format === 'csv' ? toCsvLine(EXPORT_COLUMNS.map((column) => dto[column])) : `${JSON.stringify(dto)}\n`;
        }
        if (rows.length < EXPORT_PAGE) return;
        after = [rows[rows.length - 1].sortValue, rows[rows.length - 1].seq];
      }
    }
    return Readable.from(lines());
  }

  async summary(fromIso?: string, toIso?: string): Promise<Record<string, unknown>> {
    const to = toIso ? new Date(toIso) : this.clock.now();
    const from = fromIso ? new Date(fromIso) : new Date(to.getTime() - 30 * DAY_MS);
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      requests_per_day: await this.reports.requestsPerDay(from, to),
      failed_authentication: await this.reports.failedAuthentications(from, to),
    };
  }

  private async page(filter: AccessLogFilter, page: PageRequest): Promise<AccessLogPageDto> {
    const rows = await this.reports.page(filter, page);
    const last = rows.at(-1);
    const cursor: Cursor | null = rows.length === page.limit && last ? [page.sort, page.order, last.sortValue, last.seq] : null;
    return { items: rows.map(toRowDto), next_cursor: cursor ? Buffer.from(JSON.stringify(cursor)).toString('base64url') : null };
  }

  private filter(query: AccessLogFilterDto): AccessLogFilter {
    if (query.from && query.to && new Date(query.from) >= new Date(query.to)) {
      throw new ValidationFailedError('One or more fields are invalid.', [{ field: 'to', message: 'to must be after from' }]);
    }
    return {
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      apiKeyHash: query.key_id ? keyIdHash(query.key_id) : undefined,
      role: query.role,
      endpoint: query.endpoint,
      method: query.method,
      status: query.status,
      requestId: query.request_id,
      eventType: query.event_type,
    };
  }

  private decodeCursor(cursor: string | undefined, sort: SortField, order: 'asc' | 'desc'): PageRequest['after'] {
    if (!cursor) return undefined;
    try {
      const [cursorSort, cursorOrder, value, seq] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Cursor;
      if (cursorSort === sort && cursorOrder === order && /^\d+$/.test(seq)) return [value, seq];
    } catch {
      // fall through to the same answer as a cursor for another sort
    }
    throw new ValidationFailedError('One or more fields are invalid.', [
      { field: 'cursor', message: 'cursor must be a next_cursor returned for the same sort and order' },
    ]);
  }
}

function toRowDto(row: AccessLogEntry): AccessLogRowDto {
  return {
    log_id: row.logId,
    seq: String(row.seq),
    timestamp: row.timestamp.toISOString(),
    event_type: row.eventType,
    api_key_hash: row.apiKeyHash,
    key_prefix: row.keyPrefix,
    role: row.role,
    endpoint: row.endpoint,
    method: row.method,
    status_code: row.statusCode,
    response_time_ms: row.responseTimeMs,
    request_id: row.requestId,
    client_address: row.clientAddress,
    member_hashes: row.memberHashes,
    details: row.details,
  };
}
