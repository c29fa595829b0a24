import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One open gap row per member and measure (predictions update it instead of adding another), and
 * stored responses for batch requests retried with the same Idempotency-Key.
 */
export class PredictionServing1764100000000 implements MigrationInterface {
  name = 'PredictionServing1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE UNIQUE INDEX uq_gap_lists_open_member_measure ON gap_lists(member_hash, measure_code)
        WHERE intervention_status IS DISTINCT FROM 'closed'`);
    await queryRunner.query(`CREATE INDEX idx_predictions_member_measure_date ON predictions(member_hash, measure_code, prediction_date DESC)`);
    await queryRunner.query(`
      CREATE TABLE idempotency_keys (
        api_key_id UUID NOT NULL,
        idempotency_key VARCHAR(200) NOT NULL,
        request_hash CHAR(64) NOT NULL,
        status_code INTEGER,
        response JSONB,
        created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
        CONSTRAINT pk_idempotency_keys PRIMARY KEY (api_key_id, idempotency_key)
      )`);
    await queryRunner.query(`CREATE INDEX idx_idempotency_keys_created_at ON idempotency_keys(created_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE idempotency_keys`);
    await queryRunner.query(`DROP INDEX idx_predictions_member_measure_date`);
    await queryRunner.query(`DROP INDEX uq_gap_lists_open_member_measure`);
  }
}
