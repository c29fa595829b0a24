import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type CheckpointKind = 'periodic' | 'purge' | 'shutdown';

/** A signed statement "row `seq` of the access log has hash `row_hash`", so a cut-off tail shows. */
@Entity({ name: 'audit_checkpoints' })
export class AuditCheckpoint {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'bigint' })
  seq: string;

  @Column({ name: 'row_hash', type: 'char', length: 64 })
  rowHash: string;

  /** HMAC-SHA-256(AUDIT_CHECKPOINT_KEY, `${seq}:${row_hash}`), hex. */
  @Column({ type: 'char', length: 64 })
  hmac: string;

  @Column({ type: 'varchar', length: 20 })
  kind: CheckpointKind;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
