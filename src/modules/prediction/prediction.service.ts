import { Injectable } from '@nestjs/common';
import { NotFoundError } from 'src/common/errors/domain-error';
import { validateDto } from 'src/common/validation/compiled-validator';
import { MeasureCode, MEASURE_CODES } from 'src/modules/measures/measure-code';
import { MeasuresService } from 'src/modules/measures/measures.service';
import { MemberRecordDto } from 'src/modules/members/dto/member-record.dto';
import { memberRecordValidator } from 'src/modules/members/dto/member-record.validator';
import {
  BatchItemDto,
  BatchPredictionResponseDto,
  PortfolioPredictionResponseDto,
  PredictionResponseDto,
  StoredPredictionResponseDto,
} from 'src/modules/prediction/dto/prediction-response.dto';
import { HashedMember, PipelineOutcome, PredictionPipeline } from 'src/modules/prediction/prediction-pipeline';
import { ResponseRecorder } from 'src/modules/prediction/idempotency.service';
import { PredictionStore, PredictionWrite } from 'src/modules/prediction/prediction-store';
import { NotEligibleError } from 'src/modules/prediction/prediction.errors';
import { storedPredictionResponse } from 'src/modules/prediction/stored-prediction';
import { PredictionRepository } from 'src/modules/prediction/prediction.repository';

/** A response whose rows are not yet stored: it may only be sent once `write` is committed. */
export interface Unwritten<T> {
  response: T;
  write: PredictionWrite;
}


@Injectable()
export class PredictionService {
  constructor(
    private readonly measures: MeasuresService,
    private readonly pipeline: PredictionPipeline,
    private readonly predictions: PredictionRepository,
    private readonly store: PredictionStore,
  ) {}

  /** Scores one member; the caller commits the returned write (with the request's audit row). */
  async predictMember(measureCode: string, member: MemberRecordDto, actor: string): Promise<Unwritten<PredictionResponseDto>> {
    const measure = this.measure(measureCode);
    const { outcomes: [outcome], write } = await this.pipeline.prepare(measure, [hashed(member)], actor);
    if (outcome.kind === 'not_eligible') throw new NotEligibleError(measure, outcome.eligibility.status, outcome.eligibility.reason);
    return { response: outcome.response, write };
  }

  /** Every measure the member is eligible for, as one write for the caller to commit. */
  async predictPortfolio(member: MemberRecordDto, actor: string): Promise<Unwritten<PortfolioPredictionResponseDto>> {
    const prepared = await Promise.all(MEASURE_CODES.map((measure) => this.pipeline.prepare(measure, [hashed(member)], actor)));
    const write: PredictionWrite = {
      predictions: prepared.flatMap((p) => p.write.predictions),
      openGaps: prepared.flatMap((p) => p.write.openGaps),
      completed: prepared.flatMap((p) => p.write.completed),
      closedDate: prepared[0].write.closedDate,
      actor,
    };
    const outcomes = prepared.map((p) => p.outcomes[0]);
    const response = {
      member_hash: member.member_id,
      predictions: outcomes.flatMap((o) => (o.kind === 'predicted' ? [o.response] : [])),
      not_predicted: outcomes.flatMap((o, i) => (o.kind === 'not_eligible' ? [{ measure: MEASURE_CODES[i], eligibility: o.eligibility }] : [])),
    };
    return { response, write };
  }

  /**
   * Each member validated and predicted on its own: one bad member gets an error entry, the rest
   * succeed. The rows commit in one transaction, with `recordResponse`'s step when given.
   */
  async predictBatch(
    measureCode: string,
    rawMembers: Array<Record<string, unknown>>,
    actor: string,
    recordResponse?: ResponseRecorder<BatchPredictionResponseDto>,
  ): Promise<BatchPredictionResponseDto> {
    const measure = this.measure(measureCode);
    const results: BatchItemDto[] = new Array(rawMembers.length);
    const valid: HashedMember[] = [];
    const indexOf = new Map<HashedMember, number>();
    rawMembers.forEach((raw, index) => {
      const checked = validateDto(memberRecordValidator, raw);
      if (!checked.valid) {
        results[index] = { index, error: { status: 400, code: 'VALIDATION_FAILED', detail: 'One or more fields are invalid.', errors: checked.errors } };
        return;
      }
      const member = hashed(checked.value);
      indexOf.set(member, index);
      valid.push(member);
    });
    const { outcomes, write } = await this.pipeline.prepare(measure, valid, actor);
    for (const outcome of outcomes) {
      results[indexOf.get(outcome.member)!] = itemFor(indexOf.get(outcome.member)!, measure, outcome);
    }
    const failed = results.filter((r) => r.error).length;
    const response = { measure, total: results.length, succeeded: results.length - failed, failed, results };
    await this.store.save(write, recordResponse?.(response));
    return response;
  }

  async get(predictionId: string): Promise<StoredPredictionResponseDto> {
    const prediction = await this.predictions.findById(predictionId);
    if (!prediction) throw new NotFoundError('No prediction has this id.');
    return storedPredictionResponse(prediction);
  }

  private measure(code: string): MeasureCode {
    return this.measures.get(code).code;
  }
}

function hashed(record: MemberRecordDto): HashedMember {
  return { memberHash: record.member_id, record };
}

function itemFor(index: number, measure: MeasureCode, outcome: PipelineOutcome): BatchItemDto {
  if (outcome.kind === 'predicted') return { index, prediction: outcome.response };
  const { status, reason } = outcome.eligibility;
  const error = new NotEligibleError(measure, status, reason);
  return { index, error: { status: error.status, code: error.code, detail: error.detail, eligibility: { status, reason } } };
}

