import { SnapshotResponseDto } from 'src/modules/analytics/dto/snapshot-response.dto';
import { ResolvedIntervention } from 'src/modules/analytics/intervention-plan';
import { PlanData, roundRate } from 'src/modules/analytics/plan-rating.service';
import { RateBasis, stateStars } from 'src/modules/analytics/plan-state';
import { resolvedInterventionDto } from 'src/modules/analytics/roi.mapper';
import { ContractStarRating } from 'src/modules/analytics/star-rating/star-rating.types';
import { PortfolioAnalysis } from 'src/modules/portfolio/portfolio-analysis.entity';

interface SnapshotRatings {
  current: ContractStarRating;
  projected: ContractStarRating;
  withPlan: ContractStarRating | null;
}

/** What `measures_summary` holds: enough to read the snapshot later without the data it came from. */
export function snapshotSummary(
  plan: PlanData,
  ratings: SnapshotRatings,
  resolved: readonly ResolvedIntervention[],
  valuation: Record<string, unknown>,
): Record<string, unknown> {
  const current = plan.statesFor(RateBasis.Current);
  const projected = plan.statesFor(RateBasis.Projected);
  const stars = (rating: ContractStarRating | null) =>
    rating && { part_c: rating.partC.stars, part_d: rating.partD.stars, overall: rating.overall.stars };
  return {
    star_year: plan.method.starYear,
    contract_id: plan.profile.contractId,
    rated_as: plan.profile.ratedAs,
    measures: plan.stats.map((stats, index) => ({
      measure_code: stats.measureCode,
      eligible_members: stats.eligibleMembers,
      compliant_members: stats.compliantMembers,
      open_gaps: stats.openGaps,
      closed_gaps: stats.closedGaps,
      current_rate: roundRate(current[index].rate),
      predicted_rate: roundRate(projected[index].rate),
      current_stars: stateStars(current[index]),
      projected_stars: stateStars(projected[index]),
    })),
    ratings: { current: stars(ratings.current), projected: stars(ratings.projected), with_plan: stars(ratings.withPlan) },
    intervention_plan: resolved.map(resolvedInterventionDto),
    valuation,
  };
}

export function toSnapshotResponse(snapshot: PortfolioAnalysis): SnapshotResponseDto {
  return {
    analysis_id: snapshot.analysisId,
    analysis_date: snapshot.analysisDate,
    total_members: snapshot.totalMembers,
    total_gaps: snapshot.totalGaps,
    gap_closure_target: snapshot.gapClosureTarget,
    estimated_value: snapshot.estimatedValue,
    star_rating_current: snapshot.starRatingCurrent,
    star_rating_projected: snapshot.starRatingProjected,
    measures_summary: snapshot.measuresSummary ?? {},
    created_at: snapshot.createdAt.toISOString(),
  };
}
