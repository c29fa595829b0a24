import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CLOSED_GAP_STATUS } from 'src/modules/portfolio/gap-list.repository';
import { Prediction } from 'src/modules/prediction/prediction.entity';

/** One measure's members, each counted once through their latest prediction. */
export interface LatestPredictionStats {
  measureCode: string;
  eligibleMembers: number;
  /** Members whose latest prediction stored `met_to_date` = 1, or who have a closed gap on the measure. */
  compliantMembers: number;
  /** Sum over members of (1 - gap_probability): the expected number compliant at year end. */
  expectedCompliantMembers: number;
  latestPredictionDate: Date | null;
}

interface LatestStatsRow {
  measure_code: string;
  eligible_members: number | string;
  compliant_members: number | string;
  expected_compliant: number | string;
  latest_prediction_date: Date | string | null;
}

// A member's latest prediction per measure; ties on prediction_date go to the row written last.
const LATEST_STATS_SQL = `
  WITH latest AS (
    SELECT DISTINCT ON (p.member_hash, p.measure_code)
           p.member_hash, p.measure_code, p.gap_probability, p.features, p.prediction_date
      FROM predictions p
     WHERE p.measure_code = ANY($1)
     ORDER BY p.member_hash, p.measure_code, p.prediction_date DESC, p.created_at DESC
  )
  SELECT l.measure_code,
         COUNT(*)::int AS eligible_members,
         COUNT(*) FILTER (
           WHERE CASE WHEN jsonb_typeof(l.features -> 'met_to_date') = 'number'
                      THEN (l.features ->> 'met_to_date')::numeric = 1 ELSE FALSE END
              OR EXISTS (SELECT 1 FROM gap_lists g
                          WHERE g.member_hash = l.member_hash AND g.measure_code = l.measure_code
                            AND g.intervention_status = $2)
         )::int AS compliant_members,
         COALESCE(SUM(1 - l.gap_probability), 0)::float8 AS expected_compliant,
         MAX(l.prediction_date) AS latest_prediction_date
    FROM latest l
   GROUP BY l.measure_code`;

@Injectable()
export class PredictionRepository {
  constructor(@InjectRepository(Prediction) private readonly predictions: Repository<Prediction>) {}

  count(): Promise<number> {
    return this.predictions.count();
  }

  findById(predictionId: string): Promise<Prediction | null> {
    return this.predictions.findOneBy({ predictionId });
  }

  save(prediction: Omit<Prediction, 'predictionId' | 'createdAt'>): Promise<Prediction> {
    return this.predictions.save(this.predictions.create(prediction));
  }

  /** Per measure that has predictions (measures without any are absent from the result). */
  async latestStatsByMeasure(measureCodes: readonly string[]): Promise<LatestPredictionStats[]> {
    const rows: LatestStatsRow[] = await this.predictions.query(LATEST_STATS_SQL, [[...measureCodes], CLOSED_GAP_STATUS]);
    return rows.map((row) => ({
      measureCode: row.measure_code,
      eligibleMembers: Number(row.eligible_members),
      compliantMembers: Number(row.compliant_members),
      expectedCompliantMembers: Number(row.expected_compliant),
      latestPredictionDate: row.latest_prediction_date === null ? null : new Date(row.latest_prediction_date),
    }));
  }

  /** Distinct members with at least one stored prediction. */
  async countDistinctMembers(): Promise<number> {
    const [row]: Array<{ members: number | string }> = await this.predictions.query(
      'SELECT COUNT(DISTINCT member_hash)::int AS members FROM predictions',
    );
    return Number(row?.members ?? 0);
  }
}
