import { ScenarioChangeDto, ScenarioChangeType } from 'src/modules/analytics/dto/scenario-change.dto';
import {
  BonusThresholdDto,
  HalfStarLiftDto,
  MeasureChangeDto,
  RatingChangeDto,
} from 'src/modules/analytics/dto/simulation-response.dto';
import { HalfStarLift } from 'src/modules/analytics/half-star-lift';
import { PAYMENT_RULES } from 'src/modules/analytics/payment-rules';
import { MeasureState, stateStars } from 'src/modules/analytics/plan-state';
import { roundRate } from 'src/modules/analytics/plan-rating.service';
import { ScenarioChange } from 'src/modules/analytics/scenario';
import { SummaryRating } from 'src/modules/analytics/star-rating/star-rating.types';
import { MeasureCode } from 'src/modules/measures/measure-code';

/** A validated change DTO as the domain type (class-validator has already required the fields of its type). */
export function toScenarioChange(dto: ScenarioChangeDto): ScenarioChange {
  switch (dto.type) {
    case ScenarioChangeType.CloseGaps:
      return { type: 'close_gaps', measureCode: dto.measure_code as MeasureCode, gaps: dto.gaps as number };
    case ScenarioChangeType.SetRate:
      return { type: 'set_rate', measureCode: dto.measure_code as MeasureCode, rate: dto.rate as number };
    case ScenarioChangeType.MoveCutPoints:
      return { type: 'move_cut_points', measureCode: dto.measure_code, shiftPoints: dto.shift_points as number };
    case ScenarioChangeType.SetCaiCategory:
      return { type: 'set_cai_category', rating: dto.rating as 'part_c' | 'part_d' | 'overall', category: dto.category as number };
  }
}

export function measureChanges(before: readonly MeasureState[], after: readonly MeasureState[]): MeasureChangeDto[] {
  return before.map((state, index) => {
    const [two_star, three_star, four_star, five_star] = after[index].rule.cutPoints;
    return {
      measure_code: state.measure.code,
      cms_id: state.measure.cms_id,
      eligible_members: state.eligible,
      rate_before: roundRate(state.rate),
      rate_after: roundRate(after[index].rate),
      stars_before: stateStars(state),
      stars_after: stateStars(after[index]),
      cut_points_after: { two_star, three_star, four_star, five_star },
    };
  });
}

export function ratingChange(before: SummaryRating, after: SummaryRating): RatingChangeDto {
  return { before: before.stars, after: after.stars, status_before: before.status, status_after: after.status };
}

export function bonusThreshold(before: number | null, after: number | null): BonusThresholdDto {
  const threshold = PAYMENT_RULES.bonusThresholdStars;
  const qualifiesBefore = before !== null && before >= threshold;
  const qualifiesAfter = after !== null && after >= threshold;
  const crossed = qualifiesBefore === qualifiesAfter ? 'none' : qualifiesAfter ? 'up' : 'down';
  return { threshold_stars: threshold, qualifies_before: qualifiesBefore, qualifies_after: qualifiesAfter, crossed };
}

export function halfStarLiftDto(lift: HalfStarLift): HalfStarLiftDto {
  return {
    measure_code: lift.state.measure.code,
    cms_id: lift.state.measure.cms_id,
    stars_now: lift.starsNow,
    stars_needed: lift.starsNeeded,
    rate_needed: roundRate(lift.rateNeeded),
    additional_members: lift.additionalMembers,
    headline_stars_after: lift.headlineAfter,
    note: lift.note,
  };
}
