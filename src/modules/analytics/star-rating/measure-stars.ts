import { CutPointRule, StarMethod } from 'src/modules/analytics/star-rating/star-method.types';
import { ContractType } from 'src/modules/analytics/star-rating/star-rating.types';
import { roundHalfUp } from 'src/modules/analytics/star-rating/rounding';

/**
 * Measure score to stars: CMS rounds the score to the precision it displays (whole percents for
 * the HEDIS and PDC measures), then takes the highest star whose cut point the rounded score
 * meets: at or above it when higher is better, at or below it when lower is better (readmissions).
 */
export function measureStars(score: number, rule: CutPointRule): number {
  if (!Number.isFinite(score)) throw new RangeError('Measure score must be a finite number');
  const rounded = roundHalfUp(score, rule.decimals);
  let stars = 1;
  rule.cutPoints.forEach((cutPoint, index) => {
    const meets = rule.higherIsBetter ? rounded >= cutPoint : rounded <= cutPoint;
    if (meets) stars = index + 2;
  });
  return stars;
}

/** The cut points a contract's measure score is judged by; PDPs have their own for Part D. */
export function cutPointRuleFor(
  method: StarMethod,
  measureId: string,
  contractType: ContractType,
): CutPointRule | undefined {
  const measure = method.measureCutPoints.get(measureId);
  if (!measure) return undefined;
  return contractType === 'pdp' && measure.pdp ? measure.pdp : measure.maPd;
}
