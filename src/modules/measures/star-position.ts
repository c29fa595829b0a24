import { measureStars } from 'src/modules/analytics/star-rating/measure-stars';
import { roundHalfUp } from 'src/modules/analytics/star-rating/rounding';
import { CutPointRule } from 'src/modules/analytics/star-rating/star-method.types';
import { CutPoints, MeasureDefinition } from 'src/modules/measures/measure';

/** A measure's rate as CMS would rate it, and how far it sits from the cut points either side. */
export interface StarPosition {
  /** compliant / eligible × 100, unrounded. */
  scorePercent: number;
  /** The whole percent CMS compares with the cut points. */
  roundedScore: number;
  stars: number;
  /** Score needed for one more star; null at 5 stars. */
  nextCutPoint: number | null;
  /** Fewest extra compliant members that earn the next star; null at 5 stars or if 100 % is not enough. */
  membersToNextCutPoint: number | null;
  /** Cut point of the star held now; null at 1 star. */
  cutPointBelow: number | null;
  /** Most compliant members that could be lost while keeping the star held now; null at 1 star. */
  marginMembers: number | null;
}

/** Catalogue cut points as the engine's rule: whole percents, MA(-PD) cut points unless the contract is a PDP. */
export function catalogueCutPointRule(measure: MeasureDefinition, pdp = false): CutPointRule {
  const cutPoints = pdp && measure.pdp_cut_points ? measure.pdp_cut_points : measure.cut_points;
  return cutPointRuleOf(cutPoints, measure.higher_is_better);
}

export function cutPointRuleOf(cutPoints: CutPoints, higherIsBetter: boolean): CutPointRule {
  const { two_star, three_star, four_star, five_star } = cutPoints;
  return { higherIsBetter, decimals: 0, cutPoints: [two_star, three_star, four_star, five_star] };
}

/**
 * Where `compliant` of `eligible` members puts a compliance-rate measure (higher is better, as for
 * all 12 measures here). `compliant` may be fractional: an expected count from predictions. The
 * member counts are searched with the engine's own `measureStars`, so CMS's whole-percent rounding
 * (84.5 % rounds to 85) is honoured exactly. Null when no member is eligible: there is nothing to rate.
 */
export function starPosition(compliant: number, eligible: number, rule: CutPointRule): StarPosition | null {
  if (!rule.higherIsBetter) throw new RangeError('starPosition rates compliance measures, where higher is better');
  if (eligible <= 0) return null;
  const starsAt = (members: number): number => measureStars((100 * members) / eligible, rule);
  const scorePercent = (100 * compliant) / eligible;
  const stars = starsAt(compliant);
  const nextCutPoint = stars < 5 ? rule.cutPoints[stars - 1] : null;
  const cutPointBelow = stars > 1 ? rule.cutPoints[stars - 2] : null;

  const membersToNextCutPoint = stars < 5 ? membersToReachStars(compliant, eligible, rule, stars + 1) : null;
  let marginMembers: number | null = null;
  if (cutPointBelow !== null) {
    const most = Math.floor(compliant + 1e-9);
    marginMembers = smallestTrue(0, most + 1, (lost) => lost > most || starsAt(compliant - lost) < stars) - 1;
  }
  return {
    scorePercent,
    roundedScore: roundHalfUp(scorePercent, rule.decimals),
    stars,
    nextCutPoint,
    membersToNextCutPoint,
    cutPointBelow,
    marginMembers,
  };
}

/**
 * Fewest additional compliant members that bring the measure to `targetStars` (0 if it is there
 * already); null when no member is eligible or even 100 % falls short.
 */
export function membersToReachStars(compliant: number, eligible: number, rule: CutPointRule, targetStars: number): number | null {
  if (eligible <= 0) return null;
  const starsAt = (members: number): number => measureStars((100 * members) / eligible, rule);
  if (starsAt(compliant) >= targetStars) return 0;
  const room = Math.floor(eligible - compliant + 1e-9);
  if (room <= 0 || starsAt(compliant + room) < targetStars) return null;
  return smallestTrue(1, room, (extra) => starsAt(compliant + extra) >= targetStars);
}

/** Smallest n in [low, high] for which `test` holds, given that it holds at `high` and is monotone. */
function smallestTrue(low: number, high: number, test: (n: number) => boolean): number {
  let lo = low;
  let hi = high;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (test(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
