import { StarMethod } from 'src/modules/analytics/star-rating/star-method.types';
import { InvalidStarInputError } from 'src/modules/analytics/star-rating/star-rating.errors';
import { ContractStarInput, MeasureOutcome } from 'src/modules/analytics/star-rating/star-rating.types';
import { WeightedStar } from 'src/modules/analytics/star-rating/weighted-stats';

/** Not-rated reasons that take a measure out of the count of measures the contract must report. */
const NOT_REQUIRED = new Set<MeasureOutcome>(['not_required', 'benefit_not_offered']);

export interface MeasureSelection {
  /** Rated measures of the rating with positive weight, improvement measures included. */
  rated: WeightedStar[];
  /** Rated measures that count toward the minimum (improvement measures do not). */
  ratedCount: number;
  /** Measures the contract is required to report for this rating, improvement measures left out. */
  requiredCount: number;
  minimumRated: number;
}

/**
 * The measures one rating uses for one contract. Puerto-Rico-only contracts take the Attachment G
 * weight overrides (D08-D10 at 0), and a weight-0 measure is left out entirely.
 * Minimum: stars in at least `shareOfRequired` of the measures the contract must report.
 */
export function selectMeasures(
  method: StarMethod,
  input: ContractStarInput,
  measureIds: readonly string[],
): MeasureSelection {
  const rated: WeightedStar[] = [];
  let ratedCount = 0;
  let requiredCount = 0;
  for (const measureId of measureIds) {
    const weight = weightFor(method, input, measureId);
    if (weight === 0) continue;
    const outcome = input.measures[measureId] ?? 'no_data';
    const isImprovement = method.improvementMeasures.has(measureId);
    if (typeof outcome === 'number') {
      rated.push({ measureId, weight, stars: checkedStars(input.contractId, measureId, outcome) });
      if (!isImprovement) ratedCount += 1;
    }
    if (!isImprovement && !NOT_REQUIRED.has(outcome)) requiredCount += 1;
  }
  const minimumRated = Math.ceil(requiredCount * method.minimumRatedMeasures.shareOfRequired);
  return { rated, ratedCount, requiredCount, minimumRated };
}

function weightFor(method: StarMethod, input: ContractStarInput, measureId: string): number {
  const override = input.puertoRicoOnly ? method.puertoRicoOnlyWeights.get(measureId) : undefined;
  return override ?? method.weights.get(measureId) ?? 0;
}

function checkedStars(contractId: string, measureId: string, stars: number): number {
  if (!Number.isInteger(stars) || stars < 1 || stars > 5) {
    throw new InvalidStarInputError(`Contract ${contractId} measure ${measureId}: stars must be a whole number from 1 to 5`);
  }
  return stars;
}
