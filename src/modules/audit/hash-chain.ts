import { createHash, createHmac } from 'node:crypto';
import { AccessLogEntry } from 'src/modules/audit/access-log.entity';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields a row's hash covers: everything but the hashes themselves. */
export type ChainedFields = Omit<AccessLogEntry, 'prevHash' | 'rowHash'>;

/** JSON with object keys sorted at every level, so the database's jsonb key order cannot matter. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The canonical row: a fixed field order, timestamps in UTC ISO-8601 with milliseconds. */
export function canonicalRow(row: ChainedFields): string {
  return canonicalJson([
    String(row.seq),
    row.logId,
    row.timestamp.toISOString(),
    row.eventType,
    row.apiKeyHash,
    row.keyPrefix,
    row.role,
    row.endpoint,
    row.method,
    row.statusCode,
    row.responseTimeMs,
    row.requestId,
    row.clientAddress,
    row.memberHashes,
    row.details,
  ]);
}

/** row_hash = SHA-256(prev_hash ‖ canonical row), hex. */
export function chainHash(prevHash: string, row: ChainedFields): string {
  return createHash('sha256').update(prevHash).update(canonicalRow(row)).digest('hex');
}

export function checkpointHmac(key: string, seq: string, rowHash: string): string {
  return createHmac('sha256', key).update(`${seq}:${rowHash}`).digest('hex');
}
