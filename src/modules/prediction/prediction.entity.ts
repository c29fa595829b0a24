import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export interface ShapValuesJson {
  expected_value: number;
  contributions: Record<string, number>;
}

/** One model output for one member and measure (the plan's `predictions` table). */
@Entity({ name: 'predictions' })
@Index('idx_member_hash', ['memberHash'])
@Index('idx_measure_code', ['measureCode'])
@Index('idx_prediction_date', ['predictionDate'])
export class Prediction {
  @PrimaryGeneratedColumn('uuid', { name: 'prediction_id' })
  predictionId: string;

  /** HMAC-SHA-256 of the member id, hex; the raw id is never stored. */
  @Column({ name: 'member_hash', type: 'varchar', length: 64 })
  memberHash: string;

  @Column({ name: 'measure_code', type: 'varchar', length: 10 })
  measureCode: string;

  @Column({ name: 'prediction_date', type: 'timestamp' })
  predictionDate: Date;

  @Column({ name: 'risk_score', type: 'double precision' })
  riskScore: number;

  @Column({ name: 'risk_tier', type: 'varchar', length: 20 })
  riskTier: string;

  @Column({ name: 'gap_probability', type: 'double precision' })
  gapProbability: number;

  @Column({ name: 'model_version', type: 'varchar', length: 20 })
  modelVersion: string;

  @Column({ type: 'jsonb', nullable: true })
  features: Record<string, number> | null;

  /** Exact SHAP explanation in log-odds: expected_value + Σ contributions = risk_score. */
  @Column({ name: 'shap_values', type: 'jsonb', nullable: true })
  shapValues: ShapValuesJson | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamp' })
  createdAt: Date;
}
