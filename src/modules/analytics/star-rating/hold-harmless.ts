import { StarMethod } from 'src/modules/analytics/star-rating/star-method.types';
import { ContractStarInput, PassName, RatingPass } from 'src/modules/analytics/star-rating/star-rating.types';

export interface PassChoice {
  pass: RatingPass;
  reason: string;
}

export interface HoldHarmlessRules {
  /** Improvement hold harmless applies only to the contract's highest rating. */
  isHighestRating: boolean;
  withoutImprovementAtLeast: number;
  /** The contract qualifies for the new-measure hold harmless (disaster share, see eligibility). */
  newMeasureEligible: boolean;
}

/**
 * Picks the pass that gives the published rating.
 * Improvement hold harmless (highest rating only): if the rating without the improvement measures is
 * at least 4 stars and the rating with them is lower, the rating without them stands.
 * New-measure hold harmless (disaster-affected contracts): the rating without the new measures
 * stands if it is higher, each side having had the improvement rule applied first.
 */
export function choosePass(passes: readonly RatingPass[], rules: HoldHarmlessRules): PassChoice | null {
  const byName = new Map<PassName, RatingPass>(passes.map((pass) => [pass.name, pass]));
  const withNew = chooseImprovement(byName.get('with_improvement'), byName.get('without_improvement'), rules, '');
  if (!rules.newMeasureEligible) return withNew;

  const withoutNew = chooseImprovement(
    byName.get('with_improvement_without_new_measures'),
    byName.get('without_improvement_without_new_measures'),
    rules,
    ' (new measures left out)',
  );
  if (withoutNew && (!withNew || withoutNew.pass.stars > withNew.pass.stars)) {
    const beaten = withNew ? ` is higher than ${withNew.pass.stars} with them` : ' is the only rating';
    return {
      pass: withoutNew.pass,
      reason: `New-measure hold harmless: ${withoutNew.pass.stars} without the new measures${beaten}. ${withoutNew.reason}`,
    };
  }
  return withNew && { pass: withNew.pass, reason: `${withNew.reason} New-measure hold harmless checked: no higher rating without the new measures.` };
}

function chooseImprovement(
  withImprovement: RatingPass | undefined,
  withoutImprovement: RatingPass | undefined,
  rules: HoldHarmlessRules,
  label: string,
): PassChoice | null {
  if (!withImprovement) return null;
  if (!rules.isHighestRating) {
    return { pass: withImprovement, reason: `Rating with the improvement measures${label}; improvement hold harmless applies only to the highest rating.` };
  }
  if (
    withoutImprovement &&
    withoutImprovement.stars >= rules.withoutImprovementAtLeast &&
    withImprovement.stars < withoutImprovement.stars
  ) {
    return {
      pass: withoutImprovement,
      reason:
        `Improvement hold harmless${label}: ${withoutImprovement.stars} without the improvement measures is at least ` +
        `${rules.withoutImprovementAtLeast} and higher than ${withImprovement.stars} with them.`,
    };
  }
  return { pass: withImprovement, reason: `Rating with the improvement measures${label}; improvement hold harmless did not raise it.` };
}

/**
 * New-measure hold harmless eligibility: each group of new measures is tied to the year its data
 * were collected (2026: HOS measures C04/C05 to 2023, KED C13 to 2024). A contract qualifies when,
 * for some group in which it has a rated measure, at least the threshold share of its members lived
 * in disaster areas that year. With data in both groups, either year qualifies.
 */
export function isNewMeasureHoldHarmlessEligible(method: StarMethod, input: ContractStarInput): boolean {
  const rule = method.newMeasureHoldHarmless;
  return rule.groups.some(
    (group) =>
      group.measures.some((measureId) => typeof input.measures[measureId] === 'number') &&
      (input.disasterPercentByYear[group.disasterYear] ?? 0) >= rule.disasterPercentAtLeast,
  );
}
