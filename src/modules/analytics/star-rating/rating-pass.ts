import { Fraction } from 'src/modules/analytics/star-rating/fraction';
import { rewardFactor } from 'src/modules/analytics/star-rating/reward-factor';
import { roundToHalfStar } from 'src/modules/analytics/star-rating/rounding';
import { RatingKind, StarMethod, ThresholdRow } from 'src/modules/analytics/star-rating/star-method.types';
import { PassName, RatingPass } from 'src/modules/analytics/star-rating/star-rating.types';
import { WeightedStar, weightedStats } from 'src/modules/analytics/star-rating/weighted-stats';
import { InvalidStarInputError } from 'src/modules/analytics/star-rating/star-rating.errors';

export interface PassSpec {
  name: PassName;
  includesImprovement: boolean;
  includesNewMeasures: boolean;
}

export const PASS_SPECS: readonly PassSpec[] = [
  { name: 'with_improvement', includesImprovement: true, includesNewMeasures: true },
  { name: 'without_improvement', includesImprovement: false, includesNewMeasures: true },
  { name: 'with_improvement_without_new_measures', includesImprovement: true, includesNewMeasures: false },
  { name: 'without_improvement_without_new_measures', includesImprovement: false, includesNewMeasures: false },
];

export interface PassContext {
  method: StarMethod;
  ratingKind: RatingKind;
  /** The contract's rated measures of this rating with their weights (weight 0 already left out). */
  rated: readonly WeightedStar[];
  caiCategory: number | null;
}

/**
 * One pass: the rated measures the spec keeps, their weighted mean and variance, the reward factor
 * from the spec's own Table 8/9 row (also when the contract has no improvement or new-measure star),
 * the CAI, and the half-star rating. Null when fewer than two measures remain.
 */
export function computePass(context: PassContext, spec: PassSpec): RatingPass | null {
  const { method, ratingKind } = context;
  const kept = context.rated.filter(
    (item) =>
      (spec.includesImprovement || !method.improvementMeasures.has(item.measureId)) &&
      (spec.includesNewMeasures || !method.newMeasures.has(item.measureId)),
  );
  if (kept.length < 2) return null;

  const thresholdRow = thresholdRowFor(spec);
  const stats = weightedStats(kept);
  const reward = rewardFactor(
    stats.mean,
    stats.variance,
    method.rewardThresholds[thresholdRow][ratingKind],
    method.rewardValues,
    method.rewardDecimals,
  );
  const cai = caiMillionths(method, ratingKind, context.caiCategory);
  const finalScore = stats.mean.plus(Fraction.fromMillionths(reward.reward)).plus(Fraction.fromMillionths(cai));

  return {
    name: spec.name,
    thresholdRow,
    ratingKind,
    measures: kept.map((item) => item.measureId),
    weightTotal: stats.weightTotal,
    weightedMean: stats.mean.toNumber(),
    weightedMeanRounded: reward.meanRounded / 1_000_000,
    weightedVariance: stats.variance.toNumber(),
    weightedVarianceRounded: reward.varianceRounded / 1_000_000,
    meanCategory: reward.meanCategory,
    varianceCategory: reward.varianceCategory,
    rewardFactor: reward.reward / 1_000_000,
    caiCategory: context.caiCategory,
    cai: cai / 1_000_000,
    finalScore: finalScore.toNumber(),
    stars: roundToHalfStar(finalScore),
  };
}

function thresholdRowFor(spec: PassSpec): ThresholdRow {
  const improvement = spec.includesImprovement ? 'with_improvement' : 'without_improvement';
  const newMeasures = spec.includesNewMeasures ? 'with_new_measures' : 'without_new_measures';
  return `${improvement}/${newMeasures}`;
}

function caiMillionths(method: StarMethod, ratingKind: RatingKind, category: number | null): number {
  if (category === null) return 0;
  const value = method.caiByCategory[ratingKind].get(category);
  if (value === undefined) {
    throw new InvalidStarInputError(`CAI final adjustment category ${category} does not exist for ${ratingKind}`);
  }
  return value;
}
