import { MigrationInterface, QueryRunner } from 'typeorm';

/** Who made a key, which key it replaced, and its own rate limit. */
export class ApiKeyLifecycle1763800000000 implements MigrationInterface {
  name = 'ApiKeyLifecycle1763800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE api_keys
        ADD COLUMN created_by VARCHAR(100) NOT NULL DEFAULT 'unknown',
        ADD COLUMN rotated_from UUID,
        ADD COLUMN rate_limit_per_minute INTEGER NOT NULL DEFAULT 100,
        ADD CONSTRAINT fk_api_keys_rotated_from FOREIGN KEY (rotated_from) REFERENCES api_keys(id),
        ADD CONSTRAINT ck_api_keys_rate_limit CHECK (rate_limit_per_minute > 0)`);
    await queryRunner.query(`CREATE UNIQUE INDEX uq_api_keys_rotated_from ON api_keys(rotated_from)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX uq_api_keys_rotated_from`);
    await queryRunner.query(`
      ALTER TABLE api_keys
        DROP CONSTRAINT ck_api_keys_rate_limit,
        DROP CONSTRAINT fk_api_keys_rotated_from,
        DROP COLUMN rate_limit_per_minute,
        DROP COLUMN rotated_from,
        DROP COLUMN created_by`);
  }
}
