import { DataSource } from 'typeorm';
import { createTestApp, TestApp } from 'test/utils/test-app';

type ColumnRow = { column_name: string; data_type: string; is_nullable: string; character_maximum_length: number | null; column_default: string | null };

/** The deployment plan's SQL, column for column: name, type, length, nullability, default. */
const PLAN_COLUMNS: Record<string, Array<[string, string, number | null, 'YES' | 'NO', RegExp | null]>> = {
  predictions: [
    ['prediction_id', 'uuid', null, 'NO', /gen_random_uuid\(\)/],
    ['member_hash', 'character varying', 64, 'NO', null],
    ['measure_code', 'character varying', 10, 'NO', null],
    ['prediction_date', 'timestamp without time zone', null, 'NO', null],
    ['risk_score', 'double precision', null, 'NO', null],
    ['risk_tier', 'character varying', 20, 'NO', null],
    ['gap_probability', 'double precision', null, 'NO', null],
    ['model_version', 'character varying', 20, 'NO', null],
    ['features', 'jsonb', null, 'YES', null],
    ['shap_values', 'jsonb', null, 'YES', null],
    ['created_at', 'timestamp without time zone', null, 'YES', /now\(\)/],
  ],
  portfolio_analysis: [
    ['analysis_id', 'uuid', null, 'NO', /gen_random_uuid\(\)/],
    ['analysis_date', 'date', null, 'NO', null],
    ['total_members', 'integer', null, 'NO', null],
    ['total_gaps', 'integer', null, 'NO', null],
    ['gap_closure_target', 'integer', null, 'YES', null],
    ['estimated_value', 'numeric', null, 'YES', null],
    ['star_rating_current', 'double precision', null, 'YES', null],
    ['star_rating_projected', 'double precision', null, 'YES', null],
    ['measures_summary', 'jsonb', null, 'YES', null],
    ['created_at', 'timestamp without time zone', null, 'YES', /now\(\)/],
  ],
  gap_lists: [
    ['gap_id', 'uuid', null, 'NO', /gen_random_uuid\(\)/],
    ['member_hash', 'character varying', 64, 'NO', null],
    ['measure_code', 'character varying', 10, 'NO', null],
    ['gap_date', 'date', null, 'NO', null],
    ['gap_type', 'character varying', 50, 'YES', null],
    ['priority_score', 'double precision', null, 'YES', null],
    ['intervention_recommended', 'character varying', 100, 'YES', null],
    ['intervention_status', 'character varying', 20, 'YES', /'pending'/],
    ['closed_date', 'date', null, 'YES', null],
    ['created_at', 'timestamp without time zone', null, 'YES', /now\(\)/],
  ],
  api_access_log: [
    ['log_id', 'uuid', null, 'NO', /gen_random_uuid\(\)/],
    ['api_key_hash', 'character varying', 64, 'NO', null],
    ['endpoint', 'character varying', 200, 'NO', null],
    ['method', 'character varying', 10, 'NO', null],
    ['status_code', 'integer', null, 'NO', null],
    ['response_time_ms', 'integer', null, 'YES', null],
    ['timestamp', 'timestamp without time zone', null, 'YES', /now\(\)/],
  ],
};

const PLAN_INDEXES: Record<string, Record<string, string>> = {
  predictions: {
    idx_member_hash: '(member_hash)',
    idx_measure_code: '(measure_code)',
    idx_prediction_date: '(prediction_date)',
  },
  portfolio_analysis: {},
  gap_lists: {
    idx_gap_member: '(member_hash)',
    idx_gap_status: '(intervention_status)',
    idx_gap_priority: '(priority_score DESC)',
  },
  api_access_log: { idx_api_key: '(api_key_hash)', idx_timestamp: '("timestamp")' },
};

async function columnsOf(dataSource: DataSource, table: string): Promise<ColumnRow[]> {
  return dataSource.query(
    `SELECT column_name, data_type, is_nullable, character_maximum_length, column_default
       FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
}

async function tableNames(dataSource: DataSource): Promise<string[]> {
  const rows: Array<{ table_name: string }> = await dataSource.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
  );
  return rows.map((row) => row.table_name);
}

describe('Schema (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it.each(Object.keys(PLAN_COLUMNS))('%s has the plan’s columns in order, with types, nullability and defaults', async (table) => {
    const actual = (await columnsOf(t.dataSource, table)).slice(0, PLAN_COLUMNS[table].length);
    expect(actual.map((c) => [c.column_name, c.data_type, c.character_maximum_length, c.is_nullable])).toEqual(
      PLAN_COLUMNS[table].map(([name, type, length, nullable]) => [name, type, length, nullable]),
    );
    PLAN_COLUMNS[table].forEach(([name, , , , defaultPattern]) => {
      const column = actual.find((c) => c.column_name === name);
      if (defaultPattern) expect(column?.column_default).toMatch(defaultPattern);
    });
  });

  it('keeps DECIMAL(12,2) for estimated_value', async () => {
    const [row] = await t.dataSource.query(
      `SELECT numeric_precision, numeric_scale FROM information_schema.columns
        WHERE table_name = 'portfolio_analysis' AND column_name = 'estimated_value'`,
    );
    expect(row).toEqual({ numeric_precision: 12, numeric_scale: 2 });
  });

  it.each(Object.keys(PLAN_INDEXES))('%s has the plan’s indexes', async (table) => {
    const rows: Array<{ indexname: string; indexdef: string }> = await t.dataSource.query(
      `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = $1`,
      [table],
    );
    for (const [name, columns] of Object.entries(PLAN_INDEXES[table])) {
      const index = rows.find((row) => row.indexname === name);
      expect(index?.indexdef).toContain(`USING btree ${columns}`);
    }
  });

  it('migrates down to nothing and up again', async () => {
    const migrations = t.dataSource.migrations.length;
    for (let i = 0; i < migrations; i++) await t.dataSource.undoLastMigration({ transaction: 'each' });
    expect(await tableNames(t.dataSource)).toEqual(['schema_migrations']);
    await t.dataSource.runMigrations({ transaction: 'each' });
    expect(await tableNames(t.dataSource)).toEqual(
      expect.arrayContaining(['api_access_log', 'api_keys', 'gap_lists', 'portfolio_analysis', 'predictions']),
    );
    expect(await columnsOf(t.dataSource, 'predictions')).toHaveLength(PLAN_COLUMNS.predictions.length);
  });
});
