import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The plan's contract profile: what the Star Ratings need beyond the 12 predicted measures (stars on
 * CAHPS, HOS, complaints, access and the other measures; SNP and Puerto Rico flags; CAI categories;
 * disaster shares) and the payment figures the ROI uses. One row per deployment, enforced by
 * a singleton column that can only be TRUE and must be unique.
 */
export class ContractProfile1763900000000 implements MigrationInterface {
  name = 'ContractProfile1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE contract_profiles (
        id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
        singleton BOOLEAN NOT NULL DEFAULT TRUE,
        contract_id VARCHAR(10),
        rated_as VARCHAR(10) NOT NULL,
        snp BOOLEAN NOT NULL DEFAULT FALSE,
        puerto_rico_only BOOLEAN NOT NULL DEFAULT FALSE,
        measure_stars JSONB NOT NULL DEFAULT '{}'::jsonb,
        cai_part_c SMALLINT,
        cai_part_d SMALLINT,
        cai_overall SMALLINT,
        disaster_percent JSONB NOT NULL DEFAULT '{}'::jsonb,
        enrollment INTEGER,
        benchmark_pmpm_cents INTEGER,
        bid_pmpm_cents INTEGER,
        double_bonus_share DOUBLE PRECISION NOT NULL DEFAULT 0,
        new_plan BOOLEAN NOT NULL DEFAULT FALSE,
        updated_by VARCHAR(100) NOT NULL,
        created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
        updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
        CONSTRAINT uq_contract_profiles_singleton UNIQUE (singleton),
        CONSTRAINT ck_contract_profiles_singleton CHECK (singleton),
        CONSTRAINT ck_contract_profiles_rated_as CHECK (rated_as IN ('ma_pd', 'ma_only', 'pdp')),
        CONSTRAINT ck_contract_profiles_cai CHECK (
          (cai_part_c IS NULL OR cai_part_c BETWEEN 1 AND 9) AND
          (cai_part_d IS NULL OR cai_part_d BETWEEN 1 AND 9) AND
          (cai_overall IS NULL OR cai_overall BETWEEN 1 AND 9)),
        CONSTRAINT ck_contract_profiles_enrollment CHECK (enrollment IS NULL OR enrollment >= 0),
        CONSTRAINT ck_contract_profiles_money CHECK (
          (benchmark_pmpm_cents IS NULL OR benchmark_pmpm_cents > 0) AND
          (bid_pmpm_cents IS NULL OR bid_pmpm_cents > 0)),
        CONSTRAINT ck_contract_profiles_double_bonus_share CHECK (double_bonus_share BETWEEN 0 AND 1)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE contract_profiles`);
  }
}
