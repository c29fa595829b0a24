import { ContractParts, measuresRatedFor, toContractStarInput } from 'src/modules/analytics/contract-parts';
import { RatedAs } from 'src/modules/analytics/rated-as';
import { measureStars } from 'src/modules/analytics/star-rating/measure-stars';
import { CutPointRule, StarMethod } from 'src/modules/analytics/star-rating/star-method.types';
import { ContractStarRating, MeasureOutcome } from 'src/modules/analytics/star-rating/star-rating.types';
import { rateContract } from 'src/modules/analytics/star-rating/summary-rating';
import { MeasureDefinition } from 'src/modules/measures/measure';
import { MeasureStats } from 'src/modules/measures/measure-stats';
import { catalogueCutPointRule } from 'src/modules/measures/star-position';

/** Which stored figure a measure's rate is read from. */
export enum RateBasis {
  /** Compliant now (met to date or gap closed): what the plan has already earned. */
  Current = 'current',
  /** Expected at year end from the predictions: what the rating will be if nothing else changes. */
  Projected = 'projected',
}

/** One of the 12 measures in a plan's rating: its members, its rate and the cut points it is read against. */
export interface MeasureState {
  measure: MeasureDefinition;
  eligible: number;
  /** Compliant members; fractional for expected counts. */
  compliant: number;
  /** 0-1; null when the measure has no data (no eligible member and no rate set). */
  rate: number | null;
  rule: CutPointRule;
}

export function measureStates(
  catalogue: readonly MeasureDefinition[],
  stats: readonly MeasureStats[],
  basis: RateBasis,
  ratedAs: RatedAs,
): MeasureState[] {
  return catalogue.map((measure) => {
    const found = stats.find((item) => item.measureCode === measure.code);
    const eligible = found?.eligibleMembers ?? 0;
    const compliant = (basis === RateBasis.Current ? found?.compliantMembers : found?.expectedCompliantMembers) ?? 0;
    return {
      measure,
      eligible,
      compliant,
      rate: eligible > 0 ? compliant / eligible : null,
      rule: catalogueCutPointRule(measure, ratedAs === RatedAs.Pdp),
    };
  });
}

export function stateStars(state: MeasureState): number | null {
  return state.rate === null ? null : measureStars(state.rate * 100, state.rule);
}

/** The 12 measures' stars (no_data where there is no rate), for the measures the contract is rated on. */
export function predictedMeasureOutcomes(
  method: StarMethod,
  ratedAs: RatedAs,
  states: readonly MeasureState[],
): Record<string, MeasureOutcome> {
  const rated = new Set(measuresRatedFor(method, ratedAs));
  return Object.fromEntries(
    states.filter((state) => rated.has(state.measure.cms_id)).map((state) => [state.measure.cms_id, stateStars(state) ?? 'no_data']),
  );
}

export function ratePlan(method: StarMethod, parts: ContractParts, states: readonly MeasureState[]): ContractStarRating {
  return rateContract(method, toContractStarInput(method, parts, predictedMeasureOutcomes(method, parts.ratedAs, states)));
}
