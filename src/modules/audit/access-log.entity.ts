import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One served request or audit event (the plan's `api_access_log`, extended into a hash chain). */
@Entity({ name: 'api_access_log' })
@Index('idx_api_key', ['apiKeyHash'])
@Index('idx_timestamp', ['timestamp'])
export class AccessLogEntry {
  @PrimaryGeneratedColumn('uuid', { name: 'log_id' })
  logId: string;

  /** Position in the chain; gap-free and strictly increasing. pg returns BIGINT as a string. */
  @Column({ type: 'bigint' })
  seq: string;

  /** SHA-256 of the key id (never of the secret); 'anonymous' when no valid key was presented. */
  @Column({ name: 'api_key_hash', type: 'varchar', length: 64 })
  apiKeyHash: string;

  /** The route template, never the raw path. */
  @Column({ type: 'varchar', length: 200 })
  endpoint: string;

  @Column({ type: 'varchar', length: 10 })
  method: string;

  @Column({ name: 'status_code', type: 'integer' })
  statusCode: number;

  @Column({ name: 'response_time_ms', type: 'integer', nullable: true })
  responseTimeMs: number | null;

  @Column({ type: 'timestamp', nullable: true, default: () => 'now()' })
  timestamp: Date;

  /** `http.request` for every request; `api_key.created`, `gap.status_changed`, … for audit events. */
  @Column({ name: 'event_type', type: 'varchar', length: 50 })
  eventType: string;

  @Column({ name: 'request_id', type: 'varchar', length: 128, nullable: true })
  requestId: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  role: string | null;

  /** Public prefix of the presented key (also for failed attempts, when well-formed enough to read). */
  @Column({ name: 'key_prefix', type: 'varchar', length: 32, nullable: true })
  keyPrefix: string | null;

  @Column({ name: 'client_address', type: 'varchar', length: 64, nullable: true })
  clientAddress: string | null;

  /** member_hash of every member whose data the request touched (all of a batch). */
  @Column({ name: 'member_hashes', type: 'varchar', length: 64, array: true, nullable: true })
  memberHashes: string[] | null;

  @Column({ type: 'jsonb', nullable: true })
  details: Record<string, string | number | boolean | null> | null;

  @Column({ name: 'prev_hash', type: 'char', length: 64 })
  prevHash: string;

  @Column({ name: 'row_hash', type: 'char', length: 64 })
  rowHash: string;
}
