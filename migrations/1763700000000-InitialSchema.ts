import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The four tables of the deployment plan, column for column and index for index, plus `api_keys`.
 * UUIDs come from gen_random_uuid() (core since PostgreSQL 13, so no extension is needed on PGlite).
 */
export class InitialSchema1763700000000 implements MigrationInterface {
  name = 'InitialSchema1763700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE predictions (
        prediction_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
        member_hash VARCHAR(64) NOT NULL,
        measure_code VARCHAR(10) NOT NULL,
        prediction_date TIMESTAMP NOT NULL,
        risk_score FLOAT NOT NULL,
        risk_tier VARCHAR(20) NOT NULL,
        gap_probability FLOAT NOT NULL,
        model_version VARCHAR(20) NOT NULL,
        features JSONB,
        shap_values JSONB,
        created_at TIMESTAMP DEFAULT NOW()
      )`);
    await queryRunner.query(`CREATE INDEX idx_member_hash ON predictions(member_hash)`);
    await queryRunner.query(`CREATE INDEX idx_measure_code ON predictions(measure_code)`);
    await queryRunner.query(`CREATE INDEX idx_prediction_date ON predictions(prediction_date)`);

    await queryRunner.query(`
      CREATE TABLE portfolio_analysis (
        analysis_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
        analysis_date DATE NOT NULL,
        total_members INTEGER NOT NULL,
        total_gaps INTEGER NOT NULL,
        gap_closure_target INTEGER,
        estimated_value DECIMAL(12,2),
        star_rating_current FLOAT,
        star_rating_projected FLOAT,
        measures_summary JSONB,
        created_at TIMESTAMP DEFAULT NOW()
      )`);

    await queryRunner.query(`
      CREATE TABLE gap_lists (
        gap_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
        member_hash VARCHAR(64) NOT NULL,
        measure_code VARCHAR(10) NOT NULL,
        gap_date DATE NOT NULL,
        gap_type VARCHAR(50),
        priority_score FLOAT,
        intervention_recommended VARCHAR(100),
        intervention_status VARCHAR(20) DEFAULT 'pending',
        closed_date DATE,
        created_at TIMESTAMP DEFAULT NOW()
      )`);
    await queryRunner.query(`CREATE INDEX idx_gap_member ON gap_lists(member_hash)`);
    await queryRunner.query(`CREATE INDEX idx_gap_status ON gap_lists(intervention_status)`);
    await queryRunner.query(`CREATE INDEX idx_gap_priority ON gap_lists(priority_score DESC)`);

    await queryRunner.query(`
      CREATE TABLE api_access_log (
        log_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
        api_key_hash VARCHAR(64) NOT NULL,
        endpoint VARCHAR(200) NOT NULL,
        method VARCHAR(10) NOT NULL,
        status_code INTEGER NOT NULL,
        response_time_ms INTEGER,
        timestamp TIMESTAMP DEFAULT NOW()
      )`);
    await queryRunner.query(`CREATE INDEX idx_api_key ON api_access_log(api_key_hash)`);
    await queryRunner.query(`CREATE INDEX idx_timestamp ON api_access_log(timestamp)`);

    await queryRunner.query(`
      CREATE TABLE api_keys (
        id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
        name VARCHAR(100) NOT NULL,
        role VARCHAR(20) NOT NULL,
        key_prefix VARCHAR(32) NOT NULL,
        secret_hash VARCHAR(64) NOT NULL,
        created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
        expires_at TIMESTAMPTZ,
        last_used_at TIMESTAMPTZ,
        revoked_at TIMESTAMPTZ,
        CONSTRAINT uq_api_keys_key_prefix UNIQUE (key_prefix),
        CONSTRAINT ck_api_keys_role CHECK (role IN ('admin', 'analyst', 'integration', 'auditor'))
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE api_keys`);
    await queryRunner.query(`DROP TABLE api_access_log`);
    await queryRunner.query(`DROP TABLE gap_lists`);
    await queryRunner.query(`DROP TABLE portfolio_analysis`);
    await queryRunner.query(`DROP TABLE predictions`);
  }
}
