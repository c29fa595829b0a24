import { MeasureCode } from 'src/modules/measures/measure-code';
import { dayNumber, isBetween, optionalDay, yearEndDay, yearStartDay } from 'src/modules/members/member-dates';
import { DrugClassFills, MemberRecord, StatinIntensity } from 'src/modules/members/member-record';

/** HEDIS GSD: "poor control" is a most recent HbA1c above 9.0%, so 9.0 itself counts as controlled. */
export const HBA1C_CONTROLLED_MAX = 9.0;
/** HEDIS CBP: controlled is systolic < 140 and diastolic < 90 mm Hg. */
export const BP_SYSTOLIC_LIMIT = 140;
export const BP_DIASTOLIC_LIMIT = 90;
/** PQA adherence threshold. */
export const PDC_THRESHOLD = 0.8;
/** OMW: BMD test or osteoporosis drug on the fracture date or within the 180 days after it. */
export const OMW_TREATMENT_DAYS = 180;

/**
 * Whether the record already shows each measure's numerator met, from evidence dated up to `as_of_date`.
 * Final for the screening and process measures; provisional for GSD, CBP and the PDC measures, whose
 * status follows the latest reading or the rest of the year's fills. Says nothing about eligibility.
 */
export function numeratorMetToDate(member: MemberRecord): Record<MeasureCode, boolean> {
  const year = member.measurement_year;
  const start = yearStartDay(year);
  const end = yearEndDay(year);
  const history = member.service_history;
  const since = (date: string | null | undefined, from: number): boolean => isBetween(optionalDay(date), from, end);
  const inYear = (date: string | null | undefined): boolean => since(date, start);
  const pdcMet = (fills: DrugClassFills | null | undefined): boolean => (fills?.pdc_to_date ?? 0) >= PDC_THRESHOLD;
  const statinInYear = (member.pharmacy.statin?.fills ?? 0) > 0 && inYear(member.pharmacy.statin?.last_fill_date);
  const intensity = member.pharmacy.statin_intensity;

  return {
    [MeasureCode.Bcs]: since(history.last_mammogram_date, dayNumber(year - 2, 10, 1)),
    [MeasureCode.Col]:
      since(history.last_colonoscopy_date, yearStartDay(year - 9)) ||
      since(history.last_ct_colonography_date, yearStartDay(year - 4)) ||
      since(history.last_sigmoidoscopy_date, yearStartDay(year - 4)) ||
      since(history.last_fit_dna_date, yearStartDay(year - 2)) ||
      inYear(history.last_fit_date),
    [MeasureCode.Omw]: omwTreated(member),
    [MeasureCode.Eed]:
      inYear(history.last_retinal_exam_date) ||
      (since(history.last_retinal_exam_date, yearStartDay(year - 1)) && history.last_retinal_exam_negative === true),
    [MeasureCode.Gsd]: inYear(history.last_hba1c_date) && (history.last_hba1c_value ?? 99) <= HBA1C_CONTROLLED_MAX,
    [MeasureCode.Ked]: inYear(history.last_egfr_date) && inYear(history.last_uacr_date),
    [MeasureCode.Cbp]:
      inYear(history.last_bp_date) &&
      (history.last_bp_systolic ?? 999) < BP_SYSTOLIC_LIMIT &&
      (history.last_bp_diastolic ?? 999) < BP_DIASTOLIC_LIMIT,
    [MeasureCode.Spc]:
      statinInYear && (intensity === StatinIntensity.Moderate || intensity === StatinIntensity.High),
    [MeasureCode.PdcDr]: pdcMet(member.pharmacy.diabetes),
    [MeasureCode.PdcRasa]: pdcMet(member.pharmacy.rasa),
    [MeasureCode.PdcSta]: pdcMet(member.pharmacy.statin),
    [MeasureCode.Supd]: statinInYear,
  };
}

function omwTreated(member: MemberRecord): boolean {
  const fracture = optionalDay(member.diagnoses.fracture_date);
  if (fracture === null) return false;
  const windowEnd = fracture + OMW_TREATMENT_DAYS;
  return (
    isBetween(optionalDay(member.service_history.last_bone_density_date), fracture, windowEnd) ||
    isBetween(optionalDay(member.pharmacy.last_osteoporosis_drug_date), fracture, windowEnd)
  );
}
