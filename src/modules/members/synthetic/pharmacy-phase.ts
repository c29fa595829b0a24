import { MeasureCode } from 'src/modules/measures/measure-code';
import { eligibleMeasures } from 'src/modules/members/eligibility';
import { DrugClass, MemberRecord } from 'src/modules/members/member-record';
import { calibrateAdherence } from 'src/modules/members/synthetic/adherence-calibration';
import { DRUG_CLASSES, withTwoFillsOfEach } from 'src/modules/members/synthetic/assemble-record';
import { PharmacyPlan, YearDays } from 'src/modules/members/synthetic/draw-pharmacy';
import { FillOutcome, FillPlan, simulateFills } from 'src/modules/members/synthetic/fill-simulation';

export const PDC_MEASURE: Readonly<Record<DrugClass, MeasureCode>> = {
  diabetes: MeasureCode.PdcDr,
  rasa: MeasureCode.PdcRasa,
  statin: MeasureCode.PdcSta,
};

export type MemberFills = Partial<Record<DrugClass, FillOutcome>>;

/**
 * Simulates every member's fills for the year. Each class's plan-level refill intercept is first set
 * so that the adherence rate of its PDC denominator lands on the archetype's target; eligibility is
 * asked of the real engine, on the record as if the member had two fills of each class.
 */
export function simulatePharmacy(
  plans: readonly PharmacyPlan[],
  baseRecords: readonly MemberRecord[],
  targets: Readonly<Record<MeasureCode, number>>,
  days: YearDays,
): MemberFills[] {
  const fills: MemberFills[] = plans.map(() => ({}));
  const couldBeIn = baseRecords.map((record, index) =>
    Object.keys(plans[index].fills).length === 0 ? [] : eligibleMeasures(withTwoFillsOfEach(record)),
  );
  for (const drugClass of DRUG_CLASSES) {
    const measure = PDC_MEASURE[drugClass];
    const cohort: FillPlan[] = [];
    plans.forEach((plan, index) => {
      const fillPlan = plan.fills[drugClass];
      if (fillPlan && couldBeIn[index].includes(measure)) cohort.push(fillPlan);
    });
    const { asOf, yearEnd } = days;
    const intercept = calibrateAdherence({ plans: cohort, target: targets[measure], asOf, yearEnd });
    plans.forEach((plan, index) => {
      const fillPlan = plan.fills[drugClass];
      if (fillPlan) fills[index][drugClass] = simulateFills(fillPlan, intercept, days.asOf, days.yearEnd);
    });
  }
  return fills;
}
