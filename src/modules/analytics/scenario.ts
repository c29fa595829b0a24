import { FieldError } from 'src/common/errors/domain-error';
import { ContractParts, measuresRatedFor } from 'src/modules/analytics/contract-parts';
import { caiProblems } from 'src/modules/analytics/contract-problems';
import { MeasureState } from 'src/modules/analytics/plan-state';
import { StarMethod } from 'src/modules/analytics/star-rating/star-method.types';
import { MeasureCode } from 'src/modules/measures/measure-code';

export type CaiRating = 'part_c' | 'part_d' | 'overall';

export type ScenarioChange =
  | { type: 'close_gaps'; measureCode: MeasureCode; gaps: number }
  | { type: 'set_rate'; measureCode: MeasureCode; rate: number }
  | { type: 'move_cut_points'; measureCode?: MeasureCode; shiftPoints: number }
  | { type: 'set_cai_category'; rating: CaiRating; category: number };

export interface PlanScenarioState {
  parts: ContractParts;
  states: readonly MeasureState[];
}

export interface AppliedScenario {
  result: PlanScenarioState;
  /** Changes that are wrong whatever the data (400). */
  invalid: FieldError[];
  /** Well-formed changes the plan's data cannot take (422). */
  notApplicable: FieldError[];
}

const CAI_KEY: Record<CaiRating, 'partC' | 'partD' | 'overall'> = { part_c: 'partC', part_d: 'partD', overall: 'overall' };

/** Applies changes in order to a copy of the plan; `at` is the field path of the change list. */
export function applyChanges(
  method: StarMethod,
  base: PlanScenarioState,
  changes: readonly ScenarioChange[],
  at: string,
): AppliedScenario {
  let parts: ContractParts = { ...base.parts, cai: { ...base.parts.cai } };
  const states = base.states.map((state) => ({ ...state }));
  const invalid: FieldError[] = [];
  const notApplicable: FieldError[] = [];
  const rated = new Set(measuresRatedFor(method, parts.ratedAs));

  changes.forEach((change, index) => {
    const field = (name: string): string => `${at}.${index}.${name}`;
    if (change.type === 'set_cai_category') {
      const problems = caiProblems(method, parts.ratedAs, { [change.rating]: change.category });
      problems.forEach((problem) => invalid.push({ field: field('category'), message: problem.message }));
      if (problems.length === 0) parts = { ...parts, cai: { ...parts.cai, [CAI_KEY[change.rating]]: change.category } };
      return;
    }
    const targets = states.filter((state) =>
      change.measureCode === undefined ? rated.has(state.measure.cms_id) : state.measure.code === change.measureCode,
    );
    if (change.measureCode !== undefined && !rated.has(targets[0].measure.cms_id)) {
      invalid.push({ field: field('measure_code'), message: `is not rated for a contract rated as ${parts.ratedAs}` });
      return;
    }
    if (change.type === 'set_rate') {
      const state = targets[0];
      state.rate = change.rate;
      state.compliant = change.rate * state.eligible;
    } else if (change.type === 'close_gaps') {
      const state = targets[0];
      const open = Math.ceil(state.eligible - state.compliant - 1e-9);
      if (state.eligible === 0) {
        notApplicable.push({ field: field('measure_code'), message: 'has no eligible members stored; use set_rate instead' });
      } else if (change.gaps > open) {
        notApplicable.push({ field: field('gaps'), message: `exceeds the ${open} members not yet compliant on this basis` });
      } else {
        state.compliant = Math.min(state.eligible, state.compliant + change.gaps);
        state.rate = state.compliant / state.eligible;
      }
    } else {
      const moved = targets.map((state) => state.rule.cutPoints.map((cutPoint) => cutPoint + change.shiftPoints));
      if (moved.some((cutPoints) => cutPoints.some((cutPoint) => cutPoint < 0 || cutPoint > 100))) {
        invalid.push({ field: field('shift_points'), message: 'moves a cut point outside 0-100' });
        return;
      }
      targets.forEach((state, i) => {
        const [two, three, four, five] = moved[i];
        state.rule = { ...state.rule, cutPoints: [two, three, four, five] };
      });
    }
  });
  return { result: { parts, states }, invalid, notApplicable };
}
