import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A saved portfolio snapshot (the plan's `portfolio_analysis` table). */
@Entity({ name: 'portfolio_analysis' })
export class PortfolioAnalysis {
  @PrimaryGeneratedColumn('uuid', { name: 'analysis_id' })
  analysisId: string;

  /** Calendar date as YYYY-MM-DD. */
  @Column({ name: 'analysis_date', type: 'date' })
  analysisDate: string;

  @Column({ name: 'total_members', type: 'integer' })
  totalMembers: number;

  @Column({ name: 'total_gaps', type: 'integer' })
  totalGaps: number;

  @Column({ name: 'gap_closure_target', type: 'integer', nullable: true })
  gapClosureTarget: number | null;

  /** Dollars as a decimal string (pg returns NUMERIC as text, so no float rounding creeps in). */
  @Column({ name: 'estimated_value', type: 'decimal', precision: 12, scale: 2, nullable: true })
  estimatedValue: string | null;

  @Column({ name: 'star_rating_current', type: 'double precision', nullable: true })
  starRatingCurrent: number | null;

  @Column({ name: 'star_rating_projected', type: 'double precision', nullable: true })
  starRatingProjected: number | null;

  @Column({ name: 'measures_summary', type: 'jsonb', nullable: true })
  measuresSummary: Record<string, unknown> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamp' })
  createdAt: Date;
}
