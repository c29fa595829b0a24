import { MeasureCode } from 'src/modules/measures/measure-code';
import * as check from 'src/modules/members/eligibility-checks';
import { Check } from 'src/modules/members/eligibility-checks';
import { EligibilityReason as Reason } from 'src/modules/members/eligibility-status';
import { dayNumber, isBetween, optionalDay } from 'src/modules/members/member-dates';
import { Sex } from 'src/modules/members/member-record';

/** Denominator tests run in order (the first failure is the reason), then exclusions in order. */
export interface MeasureRule {
  denominator: readonly Check[];
  exclusions: readonly Check[];
}

/** OMW intake period: 1 July of the year before through 30 June of the measurement year. */
const fractureInIntakePeriod: Check = ({ member }) => {
  const year = member.measurement_year;
  const fracture = optionalDay(member.diagnoses.fracture_date);
  return isBetween(fracture, dayNumber(year - 1, 7, 1), dayNumber(year, 6, 30)) ? null : Reason.NoFractureInIntakePeriod;
};

/** SPC ages differ by sex: men 21-75, women 40-75. */
const spcAge: Check = (context) => (context.member.sex === Sex.Male ? check.aged(21, 75) : check.aged(40, 75))(context);

/** Clinical ASCVD: an MI/CABG/PCI/revascularisation last year, or IVD diagnosed in both years. */
const ascvd: Check = ({ member, yearStart }) => {
  const eventLastYear = isBetween(optionalDay(member.diagnoses.ascvd_event_date), yearStart - 365, yearStart - 1);
  return member.diagnoses.ischemic_vascular_disease || eventLastYear ? null : Reason.NoAscvd;
};

const nonInsulinDiabetesFills = check.twoFills((member) =>
  check.classFills(member.pharmacy.diabetes, optionalDay(member.pharmacy.diabetes?.first_fill_date)),
);
const rasaFills = check.twoFills((member) =>
  check.classFills(member.pharmacy.rasa, optionalDay(member.pharmacy.rasa?.first_fill_date)),
);
const statinFills = check.twoFills((member) =>
  check.classFills(member.pharmacy.statin, optionalDay(member.pharmacy.statin?.first_fill_date)),
);
/** SUPD counts insulin toward the two diabetes fills; the index date is then the earlier known first fill. */
const anyDiabetesFills = check.twoFills((member) => ({
  fills: (member.pharmacy.diabetes?.fills ?? 0) + member.pharmacy.insulin_fills,
  firstFill: member.pharmacy.insulin_fills > 0 ? null : optionalDay(member.pharmacy.diabetes?.first_fill_date),
}));

const HEDIS_COMMON = [check.hospice, check.palliativeCare, check.institutional];
const SPLIT_FRAILTY = [check.frailtyAndAdvancedIllness(66, 80), check.frailtyFrom81];

/** Sources: NCQA HEDIS MY2024 and PQA measure summaries, via shared/reference/measures.md. */
export const ELIGIBILITY_RULES: Readonly<Record<MeasureCode, MeasureRule>> = {
  [MeasureCode.Bcs]: {
    denominator: [check.continuouslyEnrolled, check.femaleOnly, check.aged(52, 74)],
    exclusions: [...HEDIS_COMMON, check.frailtyAndAdvancedIllness(), check.bilateralMastectomy],
  },
  [MeasureCode.Col]: {
    denominator: [check.continuouslyEnrolled, check.aged(50, 75)],
    exclusions: [...HEDIS_COMMON, check.frailtyAndAdvancedIllness(), check.colorectalCancer],
  },
  [MeasureCode.Omw]: {
    denominator: [check.continuouslyEnrolled, check.femaleOnly, check.aged(67, 85), fractureInIntakePeriod],
    exclusions: [...HEDIS_COMMON, ...SPLIT_FRAILTY],
  },
  [MeasureCode.Eed]: {
    denominator: [check.continuouslyEnrolled, check.aged(18, 75), check.diabetes],
    exclusions: [...HEDIS_COMMON, check.frailtyAndAdvancedIllness()],
  },
  [MeasureCode.Gsd]: {
    denominator: [check.continuouslyEnrolled, check.aged(18, 75), check.diabetes],
    exclusions: [...HEDIS_COMMON, check.frailtyAndAdvancedIllness()],
  },
  [MeasureCode.Ked]: {
    denominator: [check.continuouslyEnrolled, check.aged(18, 85), check.diabetes],
    exclusions: [...HEDIS_COMMON, ...SPLIT_FRAILTY, check.esrd],
  },
  [MeasureCode.Cbp]: {
    denominator: [check.continuouslyEnrolled, check.aged(18, 85), check.hypertension],
    exclusions: [...HEDIS_COMMON, ...SPLIT_FRAILTY, check.esrd, check.pregnancy],
  },
  [MeasureCode.Spc]: {
    denominator: [check.continuouslyEnrolled, spcAge, ascvd],
    exclusions: [
      ...HEDIS_COMMON,
      check.frailtyAndAdvancedIllness(),
      check.esrd,
      check.pregnancy,
      check.statinIntolerance,
    ],
  },
  [MeasureCode.PdcDr]: {
    denominator: [check.partD, check.aged(18), nonInsulinDiabetesFills],
    exclusions: [check.hospice, check.esrd, check.insulin],
  },
  [MeasureCode.PdcRasa]: {
    denominator: [check.partD, check.aged(18), rasaFills],
    exclusions: [check.hospice, check.esrd, check.sacubitrilValsartan],
  },
  [MeasureCode.PdcSta]: {
    denominator: [check.partD, check.aged(18), statinFills],
    exclusions: [check.hospice, check.esrd],
  },
  [MeasureCode.Supd]: {
    denominator: [check.partD, check.aged(40, 75), anyDiabetesFills],
    exclusions: [check.hospice, check.esrd, check.statinIntolerance, check.pregnancy],
  },
};
