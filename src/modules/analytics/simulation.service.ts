import { Injectable } from '@nestjs/common';
import { FieldError, ValidationFailedError } from 'src/common/errors/domain-error';
import { ScenarioNotApplicableError } from 'src/modules/analytics/analytics.errors';
import { SimulateDto } from 'src/modules/analytics/dto/simulate.dto';
import { ScenarioResultDto, SimulationResponseDto } from 'src/modules/analytics/dto/simulation-response.dto';
import { halfStarLifts } from 'src/modules/analytics/half-star-lift';
import { PlanRatingService } from 'src/modules/analytics/plan-rating.service';
import { RateBasis, ratePlan } from 'src/modules/analytics/plan-state';
import { headlineRatingOf } from 'src/modules/analytics/rated-as';
import { AppliedScenario, applyChanges, PlanScenarioState } from 'src/modules/analytics/scenario';
import { bonusThreshold, halfStarLiftDto, measureChanges, ratingChange, toScenarioChange } from 'src/modules/analytics/simulation.mapper';
import { headlineStars } from 'src/modules/analytics/star-rating.mapper';
import { StarMethod } from 'src/modules/analytics/star-rating/star-method.types';

/** `POST /analytics/simulate`: each scenario applied to the plan on its own, before and after. */
@Injectable()
export class SimulationService {
  constructor(private readonly planRating: PlanRatingService) {}

  async simulate(dto: SimulateDto): Promise<SimulationResponseDto> {
    const plan = await this.planRating.load();
    const basis = dto.basis ?? RateBasis.Projected;
    const base: PlanScenarioState = { parts: plan.parts, states: plan.statesFor(basis) };
    const applied = dto.scenarios.map((scenario, index) =>
      applyChanges(plan.method, base, scenario.changes.map(toScenarioChange), `scenarios.${index}.changes`),
    );
    throwProblems(applied);
    return {
      star_year: plan.method.starYear,
      rated_as: plan.parts.ratedAs,
      basis,
      scenarios: applied.map(({ result }, index) => scenarioResult(plan.method, dto.scenarios[index].name, base, result)),
    };
  }
}

function throwProblems(applied: readonly AppliedScenario[]): void {
  const invalid: FieldError[] = applied.flatMap((scenario) => scenario.invalid);
  if (invalid.length > 0) throw new ValidationFailedError('One or more fields are invalid.', invalid);
  const notApplicable: FieldError[] = applied.flatMap((scenario) => scenario.notApplicable);
  if (notApplicable.length > 0) {
    throw new ScenarioNotApplicableError("One or more changes cannot be applied to the plan's data.", notApplicable);
  }
}

function scenarioResult(method: StarMethod, name: string, before: PlanScenarioState, after: PlanScenarioState): ScenarioResultDto {
  const ratedAs = before.parts.ratedAs;
  const ratingBefore = ratePlan(method, before.parts, before.states);
  const ratingAfter = ratePlan(method, after.parts, after.states);
  const headlineBefore = headlineStars(ratingBefore, ratedAs);
  const headlineAfter = headlineStars(ratingAfter, ratedAs);
  const headline = headlineRatingOf(ratedAs);
  const summaryOf = { overall: 'overall', part_c: 'partC', part_d: 'partD' } as const;
  return {
    name,
    measures: measureChanges(before.states, after.states),
    part_c: ratingChange(ratingBefore.partC, ratingAfter.partC),
    part_d: ratingChange(ratingBefore.partD, ratingAfter.partD),
    overall: ratingChange(ratingBefore.overall, ratingAfter.overall),
    headline_rating: headline,
    headline: ratingChange(ratingBefore[summaryOf[headline]], ratingAfter[summaryOf[headline]]),
    bonus_threshold: bonusThreshold(headlineBefore, headlineAfter),
    half_star_target: headlineAfter === null || headlineAfter >= 5 ? null : headlineAfter + 0.5,
    half_star_lifts: halfStarLifts(method, after, headlineAfter).map(halfStarLiftDto),
  };
}
