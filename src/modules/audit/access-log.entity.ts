import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One served request (the plan's `api_access_log` table). */
@Entity({ name: 'api_access_log' })
@Index('idx_api_key', ['apiKeyHash'])
@Index('idx_timestamp', ['timestamp'])
export class AccessLogEntry {
  @PrimaryGeneratedColumn('uuid', { name: 'log_id' })
  logId: string;

  /** SHA-256 of the key id (never of the secret); a fixed marker for unauthenticated calls. */
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
}
