import { MEASURE_CODES, MeasureCode } from 'src/modules/measures/measure-code';
import { MemberRecord, StatinIntensity } from 'src/modules/members/member-record';
import { PDC_THRESHOLD } from 'src/modules/members/numerator-status';
import { PharmacyPlan } from 'src/modules/members/synthetic/draw-pharmacy';
import { drawOutcomes, noneFixed } from 'src/modules/members/synthetic/measure-outcomes';
import { MemberFills, PDC_MEASURE } from 'src/modules/members/synthetic/pharmacy-phase';

const M = MEASURE_CODES.length;

/** Per member and measure (index member * 12 + measure): inputs and results of the outcome draw. */
export interface OutcomeTables {
  /** 1 if the member is in the measure's denominator. */
  eligible: Uint8Array;
  /** Log-odds of closing before the plan intercept. */
  scores: Float64Array;
  uniforms: Float64Array;
  /** Year-end result for eligible members. */
  closes: Uint8Array;
  /** The plan intercept per measure (PDC measures: NaN; their labels come from the fill simulation). */
  intercepts: Float64Array;
}

interface StatinState {
  record: MemberRecord;
  plan: PharmacyPlan;
  asOf: number;
  yearEnd: number;
}

/** A statin fill on record, or a first fill already scheduled later this year by the simulation. */
function statinThisYear({ record, plan, asOf, yearEnd }: StatinState): boolean {
  const scheduled = plan.fills.statin;
  const later = scheduled !== undefined && scheduled.firstFill > asOf && scheduled.firstFill <= yearEnd;
  return (record.pharmacy.statin?.fills ?? 0) > 0 || later;
}

function adequateIntensity(plan: PharmacyPlan): boolean {
  return plan.statinIntensity === StatinIntensity.Moderate || plan.statinIntensity === StatinIntensity.High;
}

/**
 * Draws year-end outcomes measure by measure. PDC labels are the simulated year-end PDC; SPC and SUPD
 * are already met for members with a statin this year; SUPD follows SPC for members in both (the
 * statin that closes SPC closes SUPD). Everything else is drawn against the calibrated intercept.
 */
export function drawAllOutcomes(
  tables: OutcomeTables,
  states: readonly StatinState[],
  fills: readonly MemberFills[],
  targets: Readonly<Record<MeasureCode, number>>,
): void {
  const pdcClass = new Map(Object.entries(PDC_MEASURE).map(([drugClass, measure]) => [measure, drugClass]));
  MEASURE_CODES.forEach((measure, m) => {
    const members: number[] = [];
    for (let i = 0; i < states.length; i += 1) if (tables.eligible[i * M + m]) members.push(i);
    const drugClass = pdcClass.get(measure) as keyof MemberFills | undefined;
    if (drugClass) {
      tables.intercepts[m] = Number.NaN;
      for (const i of members) {
        tables.closes[i * M + m] = (fills[i][drugClass]?.yearEndPdc ?? 0) >= PDC_THRESHOLD ? 1 : 0;
      }
      return;
    }
    const fixed = noneFixed(members.length);
    const spc = MEASURE_CODES.indexOf(MeasureCode.Spc);
    members.forEach((i, k) => {
      const statin = statinThisYear(states[i]);
      if (measure === MeasureCode.Spc && statin && adequateIntensity(states[i].plan)) fixed[k] = 1;
      const spcClosed = tables.eligible[i * M + spc] === 1 && tables.closes[i * M + spc] === 1;
      if (measure === MeasureCode.Supd && (statin || spcClosed)) fixed[k] = 1;
    });
    const drawn = drawOutcomes({
      scores: Float64Array.from(members, (i) => tables.scores[i * M + m]),
      uniforms: Float64Array.from(members, (i) => tables.uniforms[i * M + m]),
      fixed,
      target: targets[measure],
    });
    tables.intercepts[m] = drawn.intercept;
    members.forEach((i, k) => (tables.closes[i * M + m] = drawn.closes[k]));
  });
}
