import { isoDate } from 'src/modules/members/member-dates';
import { DrugClass, DrugClassFills, MemberRecord, StatinIntensity } from 'src/modules/members/member-record';
import { Person } from 'src/modules/members/synthetic/draw-person';
import { PharmacyPlan } from 'src/modules/members/synthetic/draw-pharmacy';
import { FillOutcome } from 'src/modules/members/synthetic/fill-simulation';

export const DRUG_CLASSES: readonly DrugClass[] = ['diabetes', 'rasa', 'statin'];

/** The member's record as the payer holds it on the as-of date, before care history and last year's results. */
export function assembleRecord(
  person: Person,
  pharmacy: PharmacyPlan,
  fills: Partial<Record<DrugClass, FillOutcome>>,
  measurementYear: number,
  asOfDate: string,
): MemberRecord {
  const classes: Partial<Record<DrugClass, DrugClassFills>> = {};
  for (const drugClass of DRUG_CLASSES) {
    const outcome = fills[drugClass];
    if (outcome && outcome.fills > 0) classes[drugClass] = toDrugClassFills(outcome, pharmacy.mailOrder);
  }
  return {
    birth_date: person.birth_date,
    sex: person.sex,
    measurement_year: measurementYear,
    as_of_date: asOfDate,
    enrollment: person.enrollment,
    diagnoses: { ...person.diagnoses },
    service_history: {},
    pharmacy: {
      ...classes,
      insulin_fills: pharmacy.insulinFills,
      statin_intensity: classes.statin ? pharmacy.statinIntensity : StatinIntensity.None,
      sacubitril_valsartan: pharmacy.sacubitrilValsartan,
      prescriber_count: pharmacy.prescribers,
    },
    utilization: person.utilization,
    prior_year_compliance: {},
  };
}

function toDrugClassFills(outcome: FillOutcome, mailOrder: boolean): DrugClassFills {
  return {
    fills: outcome.fills,
    first_fill_date: isoDate(outcome.firstFill),
    last_fill_date: isoDate(outcome.lastFill),
    last_days_supply: outcome.lastSupply,
    days_covered: outcome.daysCovered,
    pdc_to_date: Math.round(outcome.pdcToDate * 10_000) / 10_000,
    ninety_day_fills: outcome.ninetyDayFills,
    mail_order: mailOrder,
  };
}

/** The record as if the member had two fills of every class from 1 January: who could be in each PDC measure. */
export function withTwoFillsOfEach(record: MemberRecord): MemberRecord {
  const probe: DrugClassFills = {
    fills: 2,
    first_fill_date: `${record.measurement_year}-01-01`,
    days_covered: 1,
    pdc_to_date: 1,
    ninety_day_fills: 0,
    mail_order: false,
  };
  return { ...record, pharmacy: { ...record.pharmacy, diabetes: probe, rasa: probe, statin: probe } };
}
