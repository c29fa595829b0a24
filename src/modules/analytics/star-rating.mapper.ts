import { ContractRatingDto, SummaryRatingDto } from 'src/modules/analytics/dto/summary-rating.dto';
import { RatingPassDto } from 'src/modules/analytics/dto/rating-pass.dto';
import { headlineRatingOf, RatedAs } from 'src/modules/analytics/rated-as';
import { ContractStarRating, RatingPass, SummaryRating } from 'src/modules/analytics/star-rating/star-rating.types';

/** The engine's result on the wire: the same fields in snake_case, plus the headline rating. */
export function toContractRatingDto(rating: ContractStarRating, ratedAs: RatedAs): ContractRatingDto {
  const headline = headlineRatingOf(ratedAs);
  return {
    headline_rating: headline,
    headline_stars: headlineStars(rating, ratedAs),
    part_c: toSummaryDto(rating.partC),
    part_d: toSummaryDto(rating.partD),
    overall: toSummaryDto(rating.overall),
  };
}

/** Stars of the contract's headline rating as CMS would publish them; null when not rated. */
export function headlineStars(rating: ContractStarRating, ratedAs: RatedAs): number | null {
  const headline = headlineRatingOf(ratedAs);
  const summary = headline === 'overall' ? rating.overall : headline === 'part_c' ? rating.partC : rating.partD;
  return summary.stars;
}

export function toSummaryDto(summary: SummaryRating): SummaryRatingDto {
  return {
    summary: summary.summary,
    status: summary.status,
    stars: summary.stars,
    computed_stars: summary.computedStars,
    rated_measure_count: summary.ratedMeasureCount,
    required_measure_count: summary.requiredMeasureCount,
    minimum_rated_measures: summary.minimumRatedMeasures,
    chosen_pass: summary.chosenPass,
    reason: summary.reason,
    passes: summary.passes.map(toPassDto),
  };
}

function toPassDto(pass: RatingPass): RatingPassDto {
  return {
    name: pass.name,
    threshold_row: pass.thresholdRow,
    rating_kind: pass.ratingKind,
    measures: [...pass.measures],
    weight_total: pass.weightTotal,
    weighted_mean: pass.weightedMean,
    weighted_mean_rounded: pass.weightedMeanRounded,
    weighted_variance: pass.weightedVariance,
    weighted_variance_rounded: pass.weightedVarianceRounded,
    mean_category: pass.meanCategory,
    variance_category: pass.varianceCategory,
    reward_factor: pass.rewardFactor,
    cai_category: pass.caiCategory,
    cai: pass.cai,
    final_score: pass.finalScore,
    stars: pass.stars,
  };
}
