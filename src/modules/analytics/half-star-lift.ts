import { measuresRatedFor } from 'src/modules/analytics/contract-parts';
import { MeasureState, ratePlan, stateStars } from 'src/modules/analytics/plan-state';
import { PlanScenarioState } from 'src/modules/analytics/scenario';
import { headlineStars } from 'src/modules/analytics/star-rating.mapper';
import { StarMethod } from 'src/modules/analytics/star-rating/star-method.types';
import { membersToReachStars } from 'src/modules/measures/star-position';

/** The smallest rise on one measure that lifts the headline rating by half a star, or why there is none. */
export interface HalfStarLift {
  state: MeasureState;
  starsNow: number | null;
  starsNeeded: number | null;
  rateNeeded: number | null;
  additionalMembers: number | null;
  headlineAfter: number | null;
  note: string | null;
}

/**
 * For each of the 12 measures the contract is rated on, tries each higher star level in turn (the
 * rate only matters at cut points) and keeps the first that lifts the headline rating by at least
 * half a star; with the reward factor and variance in play a higher star can also lower the rating,
 * so each level is rated in full. Only the measure itself changes.
 */
export function halfStarLifts(method: StarMethod, plan: PlanScenarioState, headlineNow: number | null): HalfStarLift[] {
  const rated = new Set(measuresRatedFor(method, plan.parts.ratedAs));
  const target = headlineNow === null || headlineNow >= 5 ? null : headlineNow + 0.5;
  return plan.states
    .filter((state) => rated.has(state.measure.cms_id))
    .map((state) => {
      const none = (note: string): HalfStarLift => ({
        state,
        starsNow: stateStars(state),
        starsNeeded: null,
        rateNeeded: null,
        additionalMembers: null,
        headlineAfter: null,
        note,
      });
      if (headlineNow === null) return none('the contract has no headline rating to lift (not enough data)');
      if (target === null) return none('the headline rating is already 5 stars');
      if (plan.parts.puertoRicoOnly && method.puertoRicoOnlyWeights.get(state.measure.cms_id) === 0) {
        return none('weighs 0 for a Puerto-Rico-only contract');
      }
      if (state.rate === null) return none('no data: no eligible members stored and no rate set');
      for (let stars = (stateStars(state) ?? 1) + 1; stars <= 5; stars++) {
        const reached = rateFor(state, stars);
        if (!reached) continue;
        const states = plan.states.map((other) => (other === state ? { ...state, rate: reached.rate } : other));
        const headlineAfter = headlineStars(ratePlan(method, plan.parts, states), plan.parts.ratedAs);
        if (headlineAfter !== null && headlineAfter >= target) {
          return { state, starsNow: stateStars(state), starsNeeded: stars, rateNeeded: reached.rate, additionalMembers: reached.members, headlineAfter, note: null };
        }
      }
      return none('no rate on this measure alone lifts the headline rating by half a star');
    });
}

/** The lowest rate that earns `stars`, in whole members when the measure has members. */
function rateFor(state: MeasureState, stars: number): { rate: number; members: number | null } | null {
  if (state.eligible > 0) {
    const members = membersToReachStars(state.compliant, state.eligible, state.rule, stars);
    return members === null ? null : { rate: (state.compliant + members) / state.eligible, members };
  }
  const cutPoint = state.rule.cutPoints[stars - 2];
  const rate = (cutPoint - 0.5 / 10 ** state.rule.decimals) / 100;
  return rate > 1 ? null : { rate: Math.max(rate, 0), members: null };
}
