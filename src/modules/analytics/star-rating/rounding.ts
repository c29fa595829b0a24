import { Fraction } from 'src/modules/analytics/star-rating/fraction';

export const MAX_STARS = 5;

/**
 * Rounds a decimal input half up. Scores arrive as binary floats (74.5 may be 74.49999999999999),
 * so the scaled value is first cut to 15 significant digits, the precision a double carries.
 */
export function roundHalfUp(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = Number((value * factor).toPrecision(15));
  return Math.floor(scaled + 0.5) / factor;
}

/**
 * Table 22: [k - 0.25, k + 0.25) rounds to k in half stars, so 3.75 is 4 and 3.749999 is 3.5;
 * 4.75 and above is 5.
 */
export function roundToHalfStar(score: Fraction): number {
  const halves = Number(Fraction.of(score.numerator * 4n + score.denominator, score.denominator * 2n).floor());
  return Math.min(MAX_STARS, halves / 2);
}
