import { DataSource } from 'typeorm';

export interface SeedPrediction {
  member: string;
  measure: string;
  gapProbability: number;
  /** Stored as features.met_to_date; null stores no features at all. */
  metToDate?: 0 | 1 | null;
  date?: string;
}

export interface SeedGap {
  member: string;
  measure: string;
  status: string;
}

/** Writes prediction rows straight into the table, as the prediction API would have. */
export async function insertPredictions(dataSource: DataSource, rows: SeedPrediction[]): Promise<void> {
  for (const row of rows) {
    const features = row.metToDate === null ? null : JSON.stringify({ met_to_date: row.metToDate ?? 0 });
    await dataSource.query(
      `INSERT INTO predictions (member_hash, measure_code, prediction_date, risk_score, risk_tier, gap_probability, model_version, features)
       VALUES ($1, $2, $3, $4, 'medium', $4, 'test-1', $5)`,
      [row.member, row.measure, row.date ?? '2026-06-30T00:00:00Z', row.gapProbability, features],
    );
  }
}

export async function insertGaps(dataSource: DataSource, rows: SeedGap[]): Promise<void> {
  for (const row of rows) {
    await dataSource.query(
      `INSERT INTO gap_lists (member_hash, measure_code, gap_date, intervention_status) VALUES ($1, $2, '2026-06-30', $3)`,
      [row.member, row.measure, row.status],
    );
  }
}

/** `count` members of one measure, named `<prefix>-<n>`, all with the same prediction. */
export function members(prefix: string, count: number, measure: string, prediction: Omit<SeedPrediction, 'member' | 'measure'>): SeedPrediction[] {
  return Array.from({ length: count }, (_, index) => ({ member: `${prefix}-${index + 1}`, measure, ...prediction }));
}
