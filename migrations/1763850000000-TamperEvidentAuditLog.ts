import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Extends the plan's api_access_log into a tamper-evident audit trail: a gap-free sequence, a hash
 * chain (prev_hash → row_hash), who and whose data, and HMAC-signed checkpoints. A trigger makes
 * both tables append-only; only the retention purge, which sets hedis.audit_purge for its own
 * transaction, may delete. (No earlier version wrote rows, so the new NOT NULL columns need no backfill.)
 */
export class TamperEvidentAuditLog1763850000000 implements MigrationInterface {
  name = 'TamperEvidentAuditLog1763850000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE api_access_log
        ADD COLUMN seq BIGINT NOT NULL,
        ADD COLUMN event_type VARCHAR(50) NOT NULL DEFAULT 'http.request',
        ADD COLUMN request_id VARCHAR(128),
        ADD COLUMN role VARCHAR(20),
        ADD COLUMN key_prefix VARCHAR(32),
        ADD COLUMN client_address VARCHAR(64),
        ADD COLUMN member_hashes VARCHAR(64)[],
        ADD COLUMN details JSONB,
        ADD COLUMN prev_hash CHAR(64) NOT NULL,
        ADD COLUMN row_hash CHAR(64) NOT NULL,
        ADD CONSTRAINT uq_api_access_log_seq UNIQUE (seq)`);
    await queryRunner.query(`CREATE INDEX idx_access_log_member_hashes ON api_access_log USING GIN (member_hashes)`);
    await queryRunner.query(`CREATE INDEX idx_access_log_request_id ON api_access_log(request_id)`);

    await queryRunner.query(`
      CREATE TABLE audit_checkpoints (
        id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
        seq BIGINT NOT NULL,
        row_hash CHAR(64) NOT NULL,
        hmac CHAR(64) NOT NULL,
        kind VARCHAR(20) NOT NULL,
        created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
        CONSTRAINT ck_audit_checkpoints_kind CHECK (kind IN ('periodic', 'purge', 'shutdown'))
      )`);
    await queryRunner.query(`CREATE INDEX idx_audit_checkpoints_seq ON audit_checkpoints(seq)`);

    await queryRunner.query(`
      CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('DELETE', 'TRUNCATE') AND current_setting('hedis.audit_purge', true) = 'on' THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['api_access_log', 'audit_checkpoints']) {
      await queryRunner.query(
        `CREATE TRIGGER trg_${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION audit_append_only()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER trg_${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['api_access_log', 'audit_checkpoints']) {
      await queryRunner.query(`DROP TRIGGER trg_${table}_no_truncate ON ${table}`);
      await queryRunner.query(`DROP TRIGGER trg_${table}_append_only ON ${table}`);
    }
    await queryRunner.query(`DROP FUNCTION audit_append_only()`);
    await queryRunner.query(`DROP TABLE audit_checkpoints`);
    await queryRunner.query(`DROP INDEX idx_access_log_request_id`);
    await queryRunner.query(`DROP INDEX idx_access_log_member_hashes`);
    await queryRunner.query(`
      ALTER TABLE api_access_log
        DROP CONSTRAINT uq_api_access_log_seq,
        DROP COLUMN row_hash, DROP COLUMN prev_hash, DROP COLUMN details, DROP COLUMN member_hashes,
        DROP COLUMN client_address, DROP COLUMN key_prefix, DROP COLUMN role, DROP COLUMN request_id,
        DROP COLUMN event_type, DROP COLUMN seq`);
  }
}
