import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Bind, CompanionStatement, WHEN_APPENDED } from 'src/modules/audit/companion-write';
import { CLOSED_GAP_STATUS, OpenGap } from 'src/modules/portfolio/gap-list.repository';
import { Prediction } from 'src/modules/prediction/prediction.entity';

export interface MemberMeasure {
  memberHash: string;
  measureCode: string;
}

export interface PredictionRows {
  predictions: Array<Omit<Prediction, 'createdAt'>>;
  /** Created as pending if the member has no open gap on the measure, else given the new priority. */
  openGaps: OpenGap[];
  /** Care completed: the open gaps of these pairs are closed. No pair may also be in `openGaps`. */
  completed: MemberMeasure[];
  closedDate: string;
}

// Rows travel as JSON documents that PostgreSQL parses: column arrays made the driver escape every
// features and SHAP string (4x the Node CPU, 2x the time for 6,000 rows). Dates serialise as UTC ISO
// strings, as the columns hold them.
const insertPredictions = (records: string, when = ''): string => `
  INSERT INTO predictions (prediction_id, member_hash, measure_code, prediction_date, risk_score, risk_tier,
                           gap_probability, model_version, features, shap_values)
  SELECT prediction_id, member_hash, measure_code, prediction_date, risk_score, risk_tier,
         gap_probability, model_version, features, shap_values
    FROM jsonb_to_recordset(${records}::jsonb) AS r(prediction_id uuid, member_hash varchar, measure_code varchar,
         prediction_date timestamp, risk_score float8, risk_tier varchar, gap_probability float8,
         model_version varchar, features jsonb, shap_values jsonb)
  ${when}`;

// One open row per member and measure (a partial unique index): new gaps are inserted as pending,
// gaps already open get the new priority and recommendation and keep their status and date.
// `created` tells the two apart: a row the statement inserted has no xmax yet.
const upsertOpenGaps = (gaps: string, when = ''): string => `
  INSERT INTO gap_lists (member_hash, measure_code, gap_date, gap_type, priority_score, intervention_recommended, intervention_status)
  SELECT member_hash, measure_code, gap_date, gap_type, priority_score, intervention_recommended, 'pending'
    FROM jsonb_to_recordset(${gaps}::jsonb) AS g(member_hash varchar, measure_code varchar, gap_date date, gap_type varchar,
         priority_score float8, intervention_recommended varchar)
  ${when}
  ON CONFLICT (member_hash, measure_code) WHERE intervention_status IS DISTINCT FROM 'closed'
  DO UPDATE SET priority_score = EXCLUDED.priority_score, intervention_recommended = EXCLUDED.intervention_recommended
  RETURNING member_hash, measure_code, xmax = 0 AS created`;

/** What a write did to the gap list: every change of a gap's status is an audit event. */
export interface GapChanges {
  opened: MemberMeasure[];
  closed: MemberMeasure[];
}

const pairsOf = (pairs: string): string =>
  `jsonb_to_recordset(${pairs}::jsonb) AS p(member_hash varchar, measure_code varchar)`;

// The open gap of each pair, one index probe per pair. Without the LATERAL … LIMIT 1 the planner hashes
// the whole gap list (it expects 100 rows from any set-returning function); with the status as a literal
// it can use the partial unique index of open gaps, which a bound parameter would not match.
const openGapIdsOf = (pairs: string): string => `
  SELECT open.gap_id FROM ${pairsOf(pairs)},
    LATERAL (SELECT gap_id FROM gap_lists
              WHERE member_hash = p.member_hash AND measure_code = p.measure_code
                AND intervention_status IS DISTINCT FROM '${CLOSED_GAP_STATUS}' LIMIT 1) open`;

/** Writes predictions and the gap-list changes they imply. */
@Injectable()
export class PredictionWriteRepository {
  /**
   * One statement (one round trip inside the caller's transaction); returns the pairs whose gap it
   * opened or closed. Its data-modifying CTEs touch disjoint gap rows, as PostgreSQL requires.
   */
  async write(rows: PredictionRows, manager: EntityManager): Promise<GapChanges> {
    const params: unknown[] = [];
    const bind: Bind = (value) => `$${params.push(value)}`;
    const sql = `
      WITH inserted_predictions AS (${insertPredictions(bind(predictionsJson(rows)))}),
           opened_gaps AS (${upsertOpenGaps(bind(gapsJson(rows)))}),
           closed_gaps AS (
             UPDATE gap_lists SET intervention_status = ${bind(CLOSED_GAP_STATUS)}, closed_date = ${bind(rows.closedDate)}
              WHERE gap_id = ANY (ARRAY(${openGapIdsOf(bind(pairsJson(rows.completed)))}))
             RETURNING member_hash, measure_code)
      SELECT TRUE AS closed, member_hash, measure_code FROM closed_gaps
      UNION ALL
      SELECT FALSE, member_hash, measure_code FROM opened_gaps WHERE created`;
    const changed: Array<{ closed: boolean; member_hash: string; measure_code: string }> = await manager.query(sql, params);
    const pairs = (closed: boolean): MemberMeasure[] =>
      changed.filter((r) => r.closed === closed).map((r) => ({ memberHash: r.member_hash, measureCode: r.measure_code }));
    return { opened: pairs(false), closed: pairs(true) };
  }

  /**
   * The same change as part of the audit log's one-statement append. It may change no gap's status
   * (that is an audit event, hashed in Node), so it goes ahead only while every open pair already has
   * an open gap and none of the completed pairs has one.
   */
  statement(rows: PredictionRows, bind: Bind): CompanionStatement {
    const conditions: string[] = [];
    if (rows.openGaps.length > 0) {
      // Pairs are distinct (see settle), so equal counts mean every pair has its open gap.
      conditions.push(`(SELECT COUNT(*) FROM (${openGapIdsOf(bind(pairsJson(rows.openGaps)))}) existing) = ${rows.openGaps.length}`);
    }
    if (rows.completed.length > 0) conditions.push(`NOT EXISTS (${openGapIdsOf(bind(pairsJson(rows.completed)))})`);
    return {
      ctes: `inserted_predictions AS (${insertPredictions(bind(predictionsJson(rows)), WHEN_APPENDED)}),
             opened_gaps AS (${upsertOpenGaps(bind(gapsJson(rows)), WHEN_APPENDED)})`,
      noEvents: conditions.length > 0 ? conditions.join(' AND ') : 'TRUE',
    };
  }
}

function predictionsJson({ predictions }: PredictionRows): string {
  return JSON.stringify(
    predictions.map((r) => ({
      prediction_id: r.predictionId,
      member_hash: r.memberHash,
      measure_code: r.measureCode,
      prediction_date: r.predictionDate,
      risk_score: r.riskScore,
      risk_tier: r.riskTier,
      gap_probability: r.gapProbability,
      model_version: r.modelVersion,
      features: r.features,
      shap_values: r.shapValues,
    })),
  );
}

function gapsJson({ openGaps }: PredictionRows): string {
  return JSON.stringify(
    openGaps.map((g) => ({
      member_hash: g.memberHash,
      measure_code: g.measureCode,
      gap_date: g.gapDate,
      gap_type: g.gapType,
      priority_score: g.priorityScore,
      intervention_recommended: g.interventionRecommended,
    })),
  );
}

function pairsJson(pairs: MemberMeasure[]): string {
  return JSON.stringify(pairs.map((p) => ({ member_hash: p.memberHash, measure_code: p.measureCode })));
}
