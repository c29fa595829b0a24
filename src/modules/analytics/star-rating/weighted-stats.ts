import { Fraction } from 'src/modules/analytics/star-rating/fraction';

export interface WeightedStar {
  measureId: string;
  weight: number;
  stars: number;
}

export interface WeightedStats {
  count: number;
  weightTotal: number;
  mean: Fraction;
  variance: Fraction;
}

/**
 * Weighted mean and the weighted variance of Attachment H:
 * n * sum(w_i * (x_i - mean)^2) / (W * (n - 1)), with W = sum(w_i).
 * Written as n * (W * sum(w x^2) - (sum(w x))^2) / (W^2 * (n - 1)), which is the same quantity in
 * whole numbers, so the result is exact. Needs at least two measures with positive integer weights.
 */
export function weightedStats(items: readonly WeightedStar[]): WeightedStats {
  if (items.length < 2) throw new RangeError('Weighted variance needs at least two rated measures');
  let weightTotal = 0n;
  let weightedSum = 0n;
  let weightedSquares = 0n;
  for (const item of items) {
    if (!Number.isInteger(item.weight) || item.weight <= 0 || !Number.isInteger(item.stars)) {
      throw new RangeError(`Measure ${item.measureId} needs a positive integer weight and whole stars`);
    }
    const weight = BigInt(item.weight);
    const stars = BigInt(item.stars);
    weightTotal += weight;
    weightedSum += weight * stars;
    weightedSquares += weight * stars * stars;
  }
  const n = BigInt(items.length);
  return {
    count: items.length,
    weightTotal: Number(weightTotal),
    mean: Fraction.of(weightedSum, weightTotal),
    variance: Fraction.of(
      n * (weightTotal * weightedSquares - weightedSum * weightedSum),
      weightTotal * weightTotal * (n - 1n),
    ),
  };
}
