import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { MeasureOutcome } from 'src/modules/analytics/star-rating/star-rating.types';
import type { RatedAs } from 'src/modules/analytics/rated-as';

/** The plan's one contract profile (migration 1763900000000-ContractProfile). */
@Entity({ name: 'contract_profiles' })
export class ContractProfile {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Always TRUE and unique: there is one profile per deployment. */
  @Column({ type: 'boolean', default: true })
  singleton: boolean;

  @Column({ name: 'contract_id', type: 'varchar', length: 10, nullable: true })
  contractId: string | null;

  @Column({ name: 'rated_as', type: 'varchar', length: 10 })
  ratedAs: RatedAs;

  @Column({ type: 'boolean', default: false })
  snp: boolean;

  @Column({ name: 'puerto_rico_only', type: 'boolean', default: false })
  puertoRicoOnly: boolean;

  /** Stars (or not-rated reasons) by CMS measure id, for measures the product does not predict. */
  @Column({ name: 'measure_stars', type: 'jsonb', default: {} })
  measureStars: Record<string, MeasureOutcome>;

  @Column({ name: 'cai_part_c', type: 'smallint', nullable: true })
  caiPartC: number | null;

  @Column({ name: 'cai_part_d', type: 'smallint', nullable: true })
  caiPartD: number | null;

  @Column({ name: 'cai_overall', type: 'smallint', nullable: true })
  caiOverall: number | null;

  /** Share of members (0-100) in FEMA disaster areas, by calendar year ("2023": 12.5). */
  @Column({ name: 'disaster_percent', type: 'jsonb', default: {} })
  disasterPercent: Record<string, number>;

  @Column({ type: 'integer', nullable: true })
  enrollment: number | null;

  @Column({ name: 'benchmark_pmpm_cents', type: 'integer', nullable: true })
  benchmarkPmpmCents: number | null;

  @Column({ name: 'bid_pmpm_cents', type: 'integer', nullable: true })
  bidPmpmCents: number | null;

  /** Share (0-1) of member months in double-bonus counties. */
  @Column({ name: 'double_bonus_share', type: 'double precision', default: 0 })
  doubleBonusShare: number;

  @Column({ name: 'new_plan', type: 'boolean', default: false })
  newPlan: boolean;

  @Column({ name: 'updated_by', type: 'varchar', length: 100 })
  updatedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
