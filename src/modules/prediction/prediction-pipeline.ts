import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Clock } from 'src/common/time/clock';
import { MeasureCode } from 'src/modules/measures/measure-code';
import { MeasuresService } from 'src/modules/measures/measures.service';
import { eligibilityFor } from 'src/modules/members/eligibility';
import { EligibilityStatus, MeasureEligibility } from 'src/modules/members/eligibility-status';
import { buildFeatures } from 'src/modules/members/features';
import { MemberRecord } from 'src/modules/members/member-record';
import { PredictionResponseDto } from 'src/modules/prediction/dto/prediction-response.dto';
import { PredictionStore, PredictionWrite } from 'src/modules/prediction/prediction-store';
import { recommendGap } from 'src/modules/prediction/scoring/gap-recommendation';
import { PredictionEngine, ScoredMember } from 'src/modules/prediction/scoring/prediction-engine';
import { topFactors } from 'src/modules/prediction/scoring/top-factors';

/** A member whose id was already replaced by its keyed hash at the edge. */
export interface HashedMember {
  memberHash: string;
  record: MemberRecord;
}

export type PipelineOutcome =
  | { kind: 'predicted'; member: HashedMember; response: PredictionResponseDto }
  | { kind: 'not_eligible'; member: HashedMember; eligibility: MeasureEligibility };

const MET_TO_DATE = 'met_to_date';
const round = (value: number): number => Math.round(value * 1e9) / 1e9;

/**
 * eligibility → features → ONNX score + exact SHAP → risk tier → predictions and gap-list rows, for
 * any number of members on one measure, written in one transaction.
 */
@Injectable()
export class PredictionPipeline {
  constructor(
    private readonly measures: MeasuresService,
    private readonly engine: PredictionEngine,
    private readonly store: PredictionStore,
    private readonly clock: Clock,
  ) {}

  async run(measureCode: MeasureCode, members: readonly HashedMember[], actor: string): Promise<PipelineOutcome[]> {
    const write = await this.prepare(measureCode, members, actor);
    await this.store.save(write.write);
    return write.outcomes;
  }

  /** Scores without writing; `run` and the portfolio route combine several of these into one write. */
  async prepare(measureCode: MeasureCode, members: readonly HashedMember[], actor: string): Promise<{ outcomes: PipelineOutcome[]; write: PredictionWrite }> {
    const measure = this.measures.get(measureCode);
    const now = this.clock.now();
    const today = now.toISOString().slice(0, 10);
    const eligibility = members.map((member) => eligibilityFor(member.record, measureCode));
    const eligible = members.filter((_, i) => eligibility[i].status === EligibilityStatus.Eligible);
    const vectors = eligible.map((member) => buildFeatures(member.record, measureCode));
    const scored = await this.engine.score(measureCode, vectors);

    const write: PredictionWrite = { predictions: [], openGaps: [], completed: [], closedDate: today, actor };
    const responses = new Map<HashedMember, PredictionResponseDto>();
    eligible.forEach((member, i) => {
      const result = scored[i];
      const metToDate = vectors[i].values[vectors[i].names.indexOf(MET_TO_DATE)] === 1;
      const predictionId = randomUUID();
      write.predictions.push({
        predictionId,
        memberHash: member.memberHash,
        measureCode,
        predictionDate: now,
        riskScore: result.riskScore,
        riskTier: result.riskTier,
        gapProbability: result.gapProbability,
        modelVersion: result.modelVersion,
        features: Object.fromEntries(vectors[i].names.map((name, j) => [name, vectors[i].values[j]])),
        shapValues: shapJson(result),
      });
      if (metToDate) {
        write.completed.push({ memberHash: member.memberHash, measureCode });
      } else {
        const gap = recommendGap(measure, result.gapProbability, result.riskTier);
        write.openGaps.push({ memberHash: member.memberHash, measureCode, gapDate: today, ...gap });
      }
      responses.set(member, toResponse(predictionId, member.memberHash, measureCode, result, now, !metToDate));
    });
    const outcomes = members.map((member, i): PipelineOutcome => {
      const response = responses.get(member);
      return response ? { kind: 'predicted', member, response } : { kind: 'not_eligible', member, eligibility: eligibility[i] };
    });
    return { outcomes, write };
  }
}

function shapJson(result: ScoredMember): { expected_value: number; contributions: Record<string, number> } {
  return {
    expected_value: round(result.expectedValue),
    contributions: Object.fromEntries(result.featureNames.map((name, i) => [name, round(result.contributions[i])])),
  };
}

function toResponse(id: string, memberHash: string, measure: string, result: ScoredMember, at: Date, gapOpen: boolean): PredictionResponseDto {
  return {
    prediction_id: id,
    member_hash: memberHash,
    measure,
    eligibility: { status: EligibilityStatus.Eligible, reason: null },
    gap_probability: round(result.gapProbability),
    risk_score: round(result.riskScore),
    risk_tier: result.riskTier,
    top_factors: topFactors(result),
    model_version: result.modelVersion,
    prediction_date: at.toISOString(),
    gap_open: gapOpen,
  };
}
