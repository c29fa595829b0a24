import { PaymentAtRatingDto, ResolvedInterventionDto } from 'src/modules/analytics/dto/roi-response.dto';
import { InterventionItem, ResolvedIntervention } from 'src/modules/analytics/intervention-plan';
import { PaymentAtRating } from 'src/modules/analytics/roi';
import { PortfolioAnalysis } from 'src/modules/portfolio/portfolio-analysis.entity';

export function paymentDto(payment: PaymentAtRating): PaymentAtRatingDto {
  return {
    stars: payment.stars,
    quality_bonus_percent: payment.qualityBonusPercent,
    quality_bonus_cents: payment.qualityBonusCents,
    rebate_share_percent: payment.rebateSharePercent,
    rebate_cents: payment.rebateCents,
    total_cents: payment.totalCents,
  };
}

export function resolvedInterventionDto(item: ResolvedIntervention): ResolvedInterventionDto {
  return {
    measure_code: item.measureCode,
    intervention: item.intervention,
    members: item.members,
    unit_cost_cents: item.unitCostCents,
    closure_rate: item.closureRate,
    uses_catalogue_assumptions: item.usesCatalogueAssumptions,
    cost_cents: item.costCents,
    expected_closures: Math.round(item.expectedClosures * 1e4) / 1e4,
  };
}

/** The plan saved with a snapshot, with the costs and closure rates it was saved with. */
export function savedPlanItems(snapshot: PortfolioAnalysis): InterventionItem[] {
  const saved = (snapshot.measuresSummary?.intervention_plan ?? []) as ResolvedInterventionDto[];
  return saved.map((item) => ({
    measureCode: item.measure_code,
    intervention: item.intervention,
    members: item.members,
    unitCostCents: item.unit_cost_cents,
    closureRate: item.closure_rate,
  }));
}
