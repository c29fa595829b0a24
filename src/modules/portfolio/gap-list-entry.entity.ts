import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One member's open (or closed) gap on one measure (the plan's `gap_lists` table). */
@Entity({ name: 'gap_lists' })
@Index('idx_gap_member', ['memberHash'])
@Index('idx_gap_status', ['interventionStatus'])
export class GapListEntry {
  @PrimaryGeneratedColumn('uuid', { name: 'gap_id' })
  gapId: string;

  @Column({ name: 'member_hash', type: 'varchar', length: 64 })
  memberHash: string;

  @Column({ name: 'measure_code', type: 'varchar', length: 10 })
  measureCode: string;

  @Column({ name: 'gap_date', type: 'date' })
  gapDate: string;

  @Column({ name: 'gap_type', type: 'varchar', length: 50, nullable: true })
  gapType: string | null;

  // Indexed DESC as idx_gap_priority by the migration; TypeORM's @Index cannot express the order.
  @Column({ name: 'priority_score', type: 'double precision', nullable: true })
  priorityScore: number | null;

  @Column({ name: 'intervention_recommended', type: 'varchar', length: 100, nullable: true })
  interventionRecommended: string | null;

  @Column({ name: 'intervention_status', type: 'varchar', length: 20, nullable: true, default: 'pending' })
  interventionStatus: string | null;

  @Column({ name: 'closed_date', type: 'date', nullable: true })
  closedDate: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamp' })
  createdAt: Date;
}
