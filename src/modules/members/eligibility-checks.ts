import { EligibilityReason as Reason } from 'src/modules/members/eligibility-status';
import { DrugClassFills, MemberRecord, Sex, SnpType } from 'src/modules/members/member-record';

/** What every check needs, computed once per member. Ages are on 31 December of the measurement year. */
export interface EligibilityContext {
  member: MemberRecord;
  age: number;
  yearStart: number;
  yearEnd: number;
}

/** A denominator test or an exclusion: the reason the member is out, or null if this check lets them in. */
export type Check = (context: EligibilityContext) => Reason | null;

const when =
  (reason: Reason, applies: (context: EligibilityContext) => boolean): Check =>
  (context) =>
    applies(context) ? reason : null;

// HEDIS allows one gap of up to 45 days in the measurement year; whole months approximate it.
export const continuouslyEnrolled = when(
  Reason.NotContinuouslyEnrolled,
  ({ member }) => member.enrollment.months_enrolled < 11,
);
export const partD = when(Reason.NoPartD, ({ member }) => !member.enrollment.part_d);
export const femaleOnly = when(Reason.SexNotInMeasure, ({ member }) => member.sex !== Sex.Female);
export const aged = (min: number, max = Number.POSITIVE_INFINITY): Check =>
  when(Reason.AgeOutOfRange, ({ age }) => age < min || age > max);
export const diabetes = when(Reason.NoDiabetes, ({ member }) => !member.diagnoses.diabetes);
export const hypertension = when(Reason.NoHypertension, ({ member }) => !member.diagnoses.hypertension);

/** PQA: two or more fills on different dates, the first at least 91 days before the end of the year. */
export function twoFills(fillsOf: (member: MemberRecord) => { fills: number; firstFill: number | null }): Check {
  return ({ member, yearEnd }) => {
    const { fills, firstFill } = fillsOf(member);
    if (fills < 2) return Reason.FewerThanTwoFills;
    return firstFill !== null && firstFill > yearEnd - 91 ? Reason.TreatmentPeriodTooShort : null;
  };
}

export function classFills(
  drugClass: DrugClassFills | null | undefined,
  firstFill: number | null,
): { fills: number; firstFill: number | null } {
  return { fills: drugClass?.fills ?? 0, firstFill };
}

export const hospice = when(Reason.Hospice, ({ member }) => member.enrollment.hospice);
export const palliativeCare = when(Reason.PalliativeCare, ({ member }) => member.diagnoses.palliative_care);
export const institutional = when(
  Reason.InstitutionalOrLongTermCare,
  ({ member, age }) =>
    age >= 66 && (member.enrollment.snp_type === SnpType.Institutional || member.enrollment.long_term_care),
);
export const frailtyAndAdvancedIllness = (minAge = 66, maxAge = Number.POSITIVE_INFINITY): Check =>
  when(
    Reason.FrailtyAndAdvancedIllness,
    ({ member, age }) =>
      age >= minAge && age <= maxAge && member.diagnoses.frailty && member.diagnoses.advanced_illness,
  );
/** CBP, KED and OMW drop the advanced-illness condition from 81 (HEDIS MY2024; CMS165 for CBP). */
export const frailtyFrom81 = when(Reason.Frailty81Plus, ({ member, age }) => age >= 81 && member.diagnoses.frailty);
export const bilateralMastectomy = when(
  Reason.BilateralMastectomy,
  ({ member }) => member.diagnoses.bilateral_mastectomy,
);
export const colorectalCancer = when(
  Reason.ColorectalCancerOrColectomy,
  ({ member }) => member.diagnoses.colorectal_cancer_or_colectomy,
);
export const esrd = when(Reason.EsrdOrDialysis, ({ member }) => member.diagnoses.esrd);
export const pregnancy = when(Reason.Pregnancy, ({ member }) => member.diagnoses.pregnancy);
export const statinIntolerance = when(Reason.StatinIntolerance, ({ member }) => member.diagnoses.statin_intolerance);
export const insulin = when(Reason.InsulinUse, ({ member }) => member.pharmacy.insulin_fills > 0);
export const sacubitrilValsartan = when(
  Reason.SacubitrilValsartan,
  ({ member }) => member.pharmacy.sacubitril_valsartan,
);
