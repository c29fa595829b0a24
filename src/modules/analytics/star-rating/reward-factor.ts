import { Fraction } from 'src/modules/analytics/star-rating/fraction';
import { RewardThresholds, RewardValues } from 'src/modules/analytics/star-rating/star-method.types';
import { MeanCategory, VarianceCategory } from 'src/modules/analytics/star-rating/star-rating.types';

export interface RewardFactor {
  /** Millionths. */
  meanRounded: number;
  varianceRounded: number;
  meanCategory: MeanCategory;
  varianceCategory: VarianceCategory;
  /** Millionths. */
  reward: number;
}

/**
 * Tables 8 and 9: the weighted mean and variance are rounded half up to `decimals` places, then
 * compared with the 65th/85th mean and 30th/70th variance percentiles of the pass's row. A mean equal
 * to a percentile is in the higher group; a variance equal to one is in the higher (worse) group.
 */
export function rewardFactor(
  mean: Fraction,
  variance: Fraction,
  thresholds: RewardThresholds,
  values: RewardValues,
  decimals: number,
): RewardFactor {
  const toMillionths = 10 ** (6 - decimals);
  const meanRounded = Number(mean.roundHalfUpUnits(decimals)) * toMillionths;
  const varianceRounded = Number(variance.roundHalfUpUnits(decimals)) * toMillionths;

  const meanCategory: MeanCategory =
    meanRounded >= thresholds.meanP85 ? 'high' : meanRounded >= thresholds.meanP65 ? 'relatively_high' : 'other';
  const varianceCategory: VarianceCategory =
    varianceRounded < thresholds.varianceP30 ? 'low' : varianceRounded < thresholds.varianceP70 ? 'medium' : 'high';

  return { meanRounded, varianceRounded, meanCategory, varianceCategory, reward: rewardValue(meanCategory, varianceCategory, values) };
}

function rewardValue(mean: MeanCategory, variance: VarianceCategory, values: RewardValues): number {
  if (mean === 'high' && variance === 'low') return values.highMeanLowVariance;
  if (mean === 'high' && variance === 'medium') return values.highMeanMediumVariance;
  if (mean === 'relatively_high' && variance === 'low') return values.relativelyHighMeanLowVariance;
  if (mean === 'relatively_high' && variance === 'medium') return values.relativelyHighMeanMediumVariance;
  return 0;
}
