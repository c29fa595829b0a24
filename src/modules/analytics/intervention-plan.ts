import { FieldError } from 'src/common/errors/domain-error';
import { MeasureState } from 'src/modules/analytics/plan-state';
import { InterventionType, MeasureDefinition } from 'src/modules/measures/measure';
import { MeasureCode } from 'src/modules/measures/measure-code';

/** One line of an intervention plan: reach `members` members with open gaps on a measure. */
export interface InterventionItem {
  measureCode: MeasureCode;
  intervention: InterventionType;
  members: number;
  /** Defaults to the catalogue's assumption for this measure and intervention. */
  unitCostCents?: number;
  /** Share of the members reached whose gap closes; defaults to the catalogue's assumption. */
  closureRate?: number;
}

export interface ResolvedIntervention {
  measureCode: MeasureCode;
  intervention: InterventionType;
  members: number;
  unitCostCents: number;
  closureRate: number;
  /** True when cost or closure rate came from the catalogue's labelled assumptions. */
  usesCatalogueAssumptions: boolean;
  costCents: number;
  expectedClosures: number;
}

/** Fills each line's cost and closure rate from the catalogue unless the caller gave them. */
export function resolvePlan(
  catalogue: readonly MeasureDefinition[],
  items: readonly InterventionItem[],
  at: string,
): { resolved: ResolvedIntervention[]; invalid: FieldError[] } {
  const invalid: FieldError[] = [];
  const resolved = items.flatMap((item, index): ResolvedIntervention[] => {
    const measure = catalogue.find((candidate) => candidate.code === item.measureCode)!;
    const fallback = measure.default_interventions.find((candidate) => candidate.type === item.intervention);
    const unitCostCents = item.unitCostCents ?? fallback?.unit_cost_cents;
    const closureRate = item.closureRate ?? fallback?.expected_closure_rate;
    if (unitCostCents === undefined || closureRate === undefined) {
      const message = `the catalogue has no default for this intervention on ${measure.code}; give unit_cost_cents and closure_rate`;
      invalid.push({ field: `${at}.${index}.intervention`, message });
      return [];
    }
    return [
      {
        measureCode: item.measureCode,
        intervention: item.intervention,
        members: item.members,
        unitCostCents,
        closureRate,
        usesCatalogueAssumptions: item.unitCostCents === undefined || item.closureRate === undefined,
        costCents: item.members * unitCostCents,
        expectedClosures: item.members * closureRate,
      },
    ];
  });
  return { resolved, invalid };
}

/**
 * The measures after the plan's expected closures. A plan may not reach more members on a measure
 * than have open gaps there (on the basis the states were read from).
 */
export function applyPlan(
  states: readonly MeasureState[],
  resolved: readonly ResolvedIntervention[],
  at: string,
): { states: MeasureState[]; notApplicable: FieldError[] } {
  const notApplicable: FieldError[] = [];
  const after = states.map((state) => {
    const lines = resolved.filter((item) => item.measureCode === state.measure.code);
    if (lines.length === 0) return state;
    const reached = lines.reduce((sum, item) => sum + item.members, 0);
    const open = Math.ceil(state.eligible - state.compliant - 1e-9);
    if (state.eligible === 0 || reached > open) {
      notApplicable.push({
        field: at,
        message: `reaches ${reached} members on ${state.measure.code}, which has ${Math.max(open, 0)} open gaps stored`,
      });
      return state;
    }
    const compliant = Math.min(state.eligible, state.compliant + lines.reduce((sum, item) => sum + item.expectedClosures, 0));
    return { ...state, compliant, rate: compliant / state.eligible };
  });
  return { states: after, notApplicable };
}
