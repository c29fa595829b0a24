import { Injectable } from '@nestjs/common';
import { Environment } from 'src/config/environment';
import { ContractParts } from 'src/modules/analytics/contract-parts';
import { ContractProfile } from 'src/modules/analytics/contract-profile.entity';
import { ContractProfileService, partsOfProfile } from 'src/modules/analytics/contract-profile.service';
import { PlanStarRatingResponseDto } from 'src/modules/analytics/dto/plan-star-rating-response.dto';
import { MeasureState, measureStates, ratePlan, RateBasis, stateStars } from 'src/modules/analytics/plan-state';
import { toContractRatingDto } from 'src/modules/analytics/star-rating.mapper';
import { loadStarMethod } from 'src/modules/analytics/star-rating/load-star-method';
import { StarMethod } from 'src/modules/analytics/star-rating/star-method.types';
import { MeasureStats } from 'src/modules/measures/measure-stats';
import { MeasureStatsService } from 'src/modules/measures/measure-stats.service';
import { MeasuresService } from 'src/modules/measures/measures.service';

/** Everything the plan's own rating is computed from, read once. */
export interface PlanData {
  method: StarMethod;
  profile: ContractProfile;
  parts: ContractParts;
  stats: MeasureStats[];
  statesFor(basis: RateBasis): MeasureState[];
}

/** The plan's Star Rating: its contract profile plus the 12 measures' rates from stored data. */
@Injectable()
export class PlanRatingService {
  constructor(
    private readonly profiles: ContractProfileService,
    private readonly stats: MeasureStatsService,
    private readonly measures: MeasuresService,
    private readonly env: Environment,
  ) {}

  async load(): Promise<PlanData> {
    const profile = await this.profiles.require();
    const stats = await this.stats.forMeasures();
    const catalogue = this.measures.list();
    return {
      method: loadStarMethod(this.env.STAR_YEAR),
      profile,
      parts: partsOfProfile(profile),
      stats,
      statesFor: (basis) => measureStates(catalogue, stats, basis, profile.ratedAs),
    };
  }

  async starRating(): Promise<PlanStarRatingResponseDto> {
    const plan = await this.load();
    const current = plan.statesFor(RateBasis.Current);
    const projected = plan.statesFor(RateBasis.Projected);
    return {
      star_year: plan.method.starYear,
      contract_id: plan.profile.contractId,
      rated_as: plan.profile.ratedAs,
      profile_updated_at: plan.profile.updatedAt.toISOString(),
      measures: current.map((now, index) => ({
        measure_code: now.measure.code,
        cms_id: now.measure.cms_id,
        eligible_members: now.eligible,
        current_rate: roundRate(now.rate),
        current_stars: stateStars(now),
        predicted_rate: roundRate(projected[index].rate),
        projected_stars: stateStars(projected[index]),
      })),
      current: toContractRatingDto(ratePlan(plan.method, plan.parts, current), plan.profile.ratedAs),
      projected: toContractRatingDto(ratePlan(plan.method, plan.parts, projected), plan.profile.ratedAs),
    };
  }
}

export function roundRate(rate: number | null): number | null {
  return rate === null ? null : Math.round(rate * 1e6) / 1e6;
}
