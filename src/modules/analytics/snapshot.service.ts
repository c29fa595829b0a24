import { Injectable } from '@nestjs/common';
import { NotFoundError, ValidationFailedError } from 'src/common/errors/domain-error';
import { Clock } from 'src/common/time/clock';
import { ScenarioNotApplicableError } from 'src/modules/analytics/analytics.errors';
import { CreateSnapshotDto } from 'src/modules/analytics/dto/create-snapshot.dto';
import { toInterventionItem } from 'src/modules/analytics/dto/intervention-item.dto';
import { SnapshotResponseDto } from 'src/modules/analytics/dto/snapshot-response.dto';
import { applyPlan, ResolvedIntervention, resolvePlan } from 'src/modules/analytics/intervention-plan';
import { PlanRatingService } from 'src/modules/analytics/plan-rating.service';
import { RateBasis, ratePlan } from 'src/modules/analytics/plan-state';
import { RatedAs } from 'src/modules/analytics/rated-as';
import { resolveAssumptions } from 'src/modules/analytics/roi-assumptions';
import { centsToDecimalString, roiOf } from 'src/modules/analytics/roi';
import { snapshotSummary, toSnapshotResponse } from 'src/modules/analytics/snapshot.mapper';
import { headlineStars } from 'src/modules/analytics/star-rating.mapper';
import { ContractProfile } from 'src/modules/analytics/contract-profile.entity';
import { MeasuresService } from 'src/modules/measures/measures.service';
import { PortfolioAnalysisRepository } from 'src/modules/portfolio/portfolio-analysis.repository';
import { PredictionRepository } from 'src/modules/prediction/prediction.repository';

/** Saves the plan's standing, and optionally an intervention plan and its value, to `portfolio_analysis`. */
@Injectable()
export class SnapshotService {
  constructor(
    private readonly planRating: PlanRatingService,
    private readonly measures: MeasuresService,
    private readonly snapshots: PortfolioAnalysisRepository,
    private readonly predictions: PredictionRepository,
    private readonly clock: Clock,
  ) {}

  async create(dto: CreateSnapshotDto): Promise<SnapshotResponseDto> {
    const plan = await this.planRating.load();
    const { resolved, invalid } = resolvePlan(this.measures.list(), (dto.intervention_plan ?? []).map(toInterventionItem), 'intervention_plan');
    if (invalid.length > 0) throw new ValidationFailedError('One or more fields are invalid.', invalid);
    const projectedStates = plan.statesFor(RateBasis.Projected);
    const withPlan = applyPlan(projectedStates, resolved, 'intervention_plan');
    if (withPlan.notApplicable.length > 0) {
      throw new ScenarioNotApplicableError("The intervention plan cannot be applied to the plan's data.", withPlan.notApplicable);
    }

    const ratings = {
      current: ratePlan(plan.method, plan.parts, plan.statesFor(RateBasis.Current)),
      projected: ratePlan(plan.method, plan.parts, projectedStates),
      withPlan: resolved.length > 0 ? ratePlan(plan.method, plan.parts, withPlan.states) : null,
    };
    const ratedAs = plan.parts.ratedAs;
    const projected = headlineStars(ratings.projected, ratedAs);
    const afterPlan = ratings.withPlan ? headlineStars(ratings.withPlan, ratedAs) : projected;
    const valuation = valuePlan(plan.profile, projected, afterPlan, resolved);
    const expectedClosures = resolved.reduce((sum, item) => sum + item.expectedClosures, 0);

    const saved = await this.snapshots.save({
      analysisDate: this.clock.now().toISOString().slice(0, 10),
      totalMembers: await this.predictions.countDistinctMembers(),
      totalGaps: plan.stats.reduce((sum, stats) => sum + stats.openGaps, 0),
      gapClosureTarget: dto.gap_closure_target ?? (resolved.length > 0 ? Math.round(expectedClosures) : null),
      estimatedValue: valuation.netValueCents === null ? null : centsToDecimalString(valuation.netValueCents),
      starRatingCurrent: headlineStars(ratings.current, ratedAs),
      starRatingProjected: afterPlan,
      measuresSummary: snapshotSummary(plan, ratings, resolved, valuation.basis),
    });
    return toSnapshotResponse(saved);
  }

  async get(analysisId: string): Promise<SnapshotResponseDto> {
    const snapshot = await this.snapshots.findById(analysisId);
    if (!snapshot) throw new NotFoundError('No snapshot has this id.');
    return toSnapshotResponse(snapshot);
  }
}

/** The plan's net value with every assumption at its default (profile, CMS rules), or why there is none. */
function valuePlan(
  profile: ContractProfile,
  before: number | null,
  after: number | null,
  resolved: readonly ResolvedIntervention[],
): { netValueCents: number | null; basis: Record<string, unknown> } {
  if (resolved.length === 0) return { netValueCents: null, basis: { reason: 'no intervention plan saved' } };
  if (profile.ratedAs === RatedAs.Pdp) return { netValueCents: null, basis: { reason: 'a PDP is not paid the MA quality bonus' } };
  const { assumptions, missing } = resolveAssumptions({}, profile);
  if (!assumptions || before === null || after === null) {
    const reasons = [...missing.map((problem) => problem.field), ...(before === null || after === null ? ['rating'] : [])];
    return { netValueCents: null, basis: { reason: `missing: ${reasons.join(', ')}` } };
  }
  const cost = resolved.reduce((sum, item) => sum + item.costCents, 0);
  const result = roiOf(before, after, cost, assumptions);
  return {
    netValueCents: result.netValueCents,
    basis: { rating_before: before, rating_after: after, intervention_cost_cents: cost, incremental_value_cents: result.incrementalValueCents, assumptions: 'profile and CMS defaults, as GET /analytics/roi' },
  };
}
