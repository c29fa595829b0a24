import { Injectable } from '@nestjs/common';
import { NotFoundError, ValidationFailedError } from 'src/common/errors/domain-error';
import { RoiInputMissingError, RoiNotApplicableError, ScenarioNotApplicableError } from 'src/modules/analytics/analytics.errors';
import { toInterventionItem } from 'src/modules/analytics/dto/intervention-item.dto';
import { RoiQueryDto } from 'src/modules/analytics/dto/roi-query.dto';
import { AssumptionDto, RoiResponseDto } from 'src/modules/analytics/dto/roi-response.dto';
import { applyPlan, InterventionItem, resolvePlan } from 'src/modules/analytics/intervention-plan';
import { PAYMENT_RULES } from 'src/modules/analytics/payment-rules';
import { PlanRatingService } from 'src/modules/analytics/plan-rating.service';
import { RateBasis, ratePlan } from 'src/modules/analytics/plan-state';
import { headlineRatingOf, RatedAs } from 'src/modules/analytics/rated-as';
import { resolveAssumptions } from 'src/modules/analytics/roi-assumptions';
import { roiOf } from 'src/modules/analytics/roi';
import { paymentDto, resolvedInterventionDto, savedPlanItems } from 'src/modules/analytics/roi.mapper';
import { headlineStars } from 'src/modules/analytics/star-rating.mapper';
import { MeasuresService } from 'src/modules/measures/measures.service';
import { PortfolioAnalysisRepository } from 'src/modules/portfolio/portfolio-analysis.repository';

/** `GET /analytics/roi`: what an intervention plan is worth through the rating it earns. */
@Injectable()
export class RoiService {
  constructor(
    private readonly planRating: PlanRatingService,
    private readonly measures: MeasuresService,
    private readonly snapshots: PortfolioAnalysisRepository,
  ) {}

  async roi(query: RoiQueryDto): Promise<RoiResponseDto> {
    if (query.snapshot_id !== undefined && query.interventions !== undefined) {
      throw new ValidationFailedError('One or more fields are invalid.', [
        { field: 'interventions', message: 'give either interventions or snapshot_id, not both' },
      ]);
    }
    const items = await this.planItems(query);
    const plan = await this.planRating.load();
    if (plan.parts.ratedAs === RatedAs.Pdp) throw new RoiNotApplicableError();

    const { resolved, invalid } = resolvePlan(this.measures.list(), items, 'interventions');
    if (invalid.length > 0) throw new ValidationFailedError('One or more fields are invalid.', invalid);
    const before = plan.statesFor(RateBasis.Projected);
    const after = applyPlan(before, resolved, 'interventions');
    if (after.notApplicable.length > 0) {
      throw new ScenarioNotApplicableError("The intervention plan cannot be applied to the plan's data.", after.notApplicable);
    }

    const ratedAs = plan.parts.ratedAs;
    const projected = headlineStars(ratePlan(plan.method, plan.parts, before), ratedAs);
    const withPlan = resolved.length > 0 ? headlineStars(ratePlan(plan.method, plan.parts, after.states), ratedAs) : projected;
    const ratingBefore = query.rating_before ?? projected;
    const ratingAfter = query.rating_after ?? withPlan;
    const { assumptions, missing, used } = resolveAssumptions(query, plan.profile);
    if (ratingBefore === null) missing.push({ field: 'rating_before', message: 'the projected rating is not rated (not enough data); give rating_before' });
    if (ratingAfter === null) missing.push({ field: 'rating_after', message: 'the rating with the plan is not rated (not enough data); give rating_after' });
    if (missing.length > 0 || assumptions === null || ratingBefore === null || ratingAfter === null) {
      throw new RoiInputMissingError('The ROI needs inputs that neither the request nor the contract profile gives.', missing);
    }

    const costCents = resolved.reduce((sum, item) => sum + item.costCents, 0);
    const result = roiOf(ratingBefore, ratingAfter, costCents, assumptions);
    const ratings: AssumptionDto[] = [
      { name: 'rating_before', value: ratingBefore, source: query.rating_before !== undefined ? 'request' : 'projected_rating' },
      { name: 'rating_after', value: ratingAfter, source: query.rating_after !== undefined ? 'request' : resolved.length > 0 ? 'projected_with_plan' : 'projected_rating' },
    ];
    return {
      star_year: plan.method.starYear,
      rated_as: ratedAs,
      headline_rating: headlineRatingOf(ratedAs),
      intervention_plan: resolved.map(resolvedInterventionDto),
      before: paymentDto(result.before),
      after: paymentDto(result.after),
      member_months: assumptions.memberMonths,
      incremental_value_cents: result.incrementalValueCents,
      intervention_cost_cents: result.interventionCostCents,
      net_value_cents: result.netValueCents,
      roi: result.roi,
      break_even_member_months: result.breakEvenMemberMonths,
      pays_in: PAYMENT_RULES.paysIn,
      assumptions: [...ratings, ...used],
    };
  }

  private async planItems(query: RoiQueryDto): Promise<InterventionItem[]> {
    if (query.interventions) return query.interventions.map(toInterventionItem);
    if (query.snapshot_id === undefined) return [];
    const snapshot = await this.snapshots.findById(query.snapshot_id);
    if (!snapshot) throw new NotFoundError('No snapshot has this id.');
    return savedPlanItems(snapshot);
  }
}
