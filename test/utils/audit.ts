import { AuditLogWriter } from 'src/modules/audit/audit-log-writer';
import { TestApp } from 'test/utils/test-app';

export interface AuditRow {
  seq: string;
  event_type: string;
  endpoint: string;
  method: string;
  status_code: number;
  role: string | null;
  request_id: string | null;
  member_hashes: string[] | null;
  api_key_hash: string;
  key_prefix: string | null;
  client_address: string | null;
  details: Record<string, unknown> | null;
  timestamp: Date;
}

/** Every access-log row after flushing the writer's buffer, oldest first. */
export async function auditRows(t: TestApp): Promise<AuditRow[]> {
  await t.app.get(AuditLogWriter).flush();
  return t.dataSource.query('SELECT * FROM api_access_log ORDER BY seq');
}

export async function rowFor(t: TestApp, requestId: unknown): Promise<AuditRow | undefined> {
  return (await auditRows(t)).find((row) => row.request_id === requestId);
}
