import { ceil } from 'src/modules/members/math';
import { FillOutcome, FillPlan, simulateFills } from 'src/modules/members/synthetic/fill-simulation';
import { solveIncreasing } from 'src/modules/members/synthetic/statistics';
import { PDC_THRESHOLD } from 'src/modules/members/numerator-status';

export interface AdherenceCohort {
  /** Fill plans of members who take the class and pass every other test of its PDC measure. */
  plans: readonly FillPlan[];
  target: number;
  asOf: number;
  yearEnd: number;
}

/** PQA: the first fill must come at least 91 days before the end of the year. */
export function inPdcDenominator(outcome: FillOutcome, yearEnd: number): boolean {
  return outcome.fills >= 2 && outcome.firstFill <= yearEnd - 91;
}

/** Share of the cohort in the denominator on the as-of date whose year-end PDC reaches 80%. */
export function adherentShare(cohort: AdherenceCohort, intercept: number): number {
  let eligible = 0;
  let adherent = 0;
  for (const plan of cohort.plans) {
    const outcome = simulateFills(plan, intercept, cohort.asOf, cohort.yearEnd);
    if (!inPdcDenominator(outcome, cohort.yearEnd)) continue;
    eligible += 1;
    if (outcome.yearEndPdc >= PDC_THRESHOLD) adherent += 1;
  }
  return eligible === 0 ? 0 : adherent / eligible;
}

/** Above this many members the intercept is fitted on an evenly spaced sample, which bounds the cost. */
export const CALIBRATION_SAMPLE = 20_000;

/**
 * The plan-level refill intercept at which the simulated year-end adherence rate of the measure's
 * denominator lands on the archetype's target. 16 bisection steps over [-3, 7] bound it to about 2e-4;
 * fitting on a 20,000-member sample moves the full population's rate by about 0.3 points at most.
 */
export function calibrateAdherence(cohort: AdherenceCohort): number {
  if (cohort.plans.length === 0) return 0;
  const stride = ceil(cohort.plans.length / CALIBRATION_SAMPLE);
  const sample = stride === 1 ? cohort : { ...cohort, plans: cohort.plans.filter((_, index) => index % stride === 0) };
  return solveIncreasing((intercept) => adherentShare(sample, intercept), cohort.target, -3, 7, 16);
}
