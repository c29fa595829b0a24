import { MeasureCode } from 'src/modules/measures/measure-code';

export enum EligibilityStatus {
  Eligible = 'eligible',
  NotEligible = 'not_eligible',
  Excluded = 'excluded',
}

/** Why a member is outside a measure: first the denominator tests, then the published exclusions. */
export enum EligibilityReason {
  NotContinuouslyEnrolled = 'not_continuously_enrolled',
  NoPartD = 'no_part_d',
  SexNotInMeasure = 'sex_not_in_measure',
  AgeOutOfRange = 'age_out_of_range',
  NoDiabetes = 'no_diabetes',
  NoHypertension = 'no_hypertension',
  NoAscvd = 'no_ascvd',
  NoFractureInIntakePeriod = 'no_fracture_in_intake_period',
  FewerThanTwoFills = 'fewer_than_two_fills',
  TreatmentPeriodTooShort = 'treatment_period_under_91_days',
  Hospice = 'hospice',
  PalliativeCare = 'palliative_care',
  InstitutionalOrLongTermCare = 'institutional_snp_or_long_term_care',
  FrailtyAndAdvancedIllness = 'frailty_and_advanced_illness',
  Frailty81Plus = 'frailty_age_81_plus',
  BilateralMastectomy = 'bilateral_mastectomy',
  ColorectalCancerOrColectomy = 'colorectal_cancer_or_colectomy',
  EsrdOrDialysis = 'esrd_or_dialysis',
  Pregnancy = 'pregnancy',
  StatinIntolerance = 'statin_intolerance',
  InsulinUse = 'insulin_use',
  SacubitrilValsartan = 'sacubitril_valsartan',
}

export interface MeasureEligibility {
  measure: MeasureCode;
  status: EligibilityStatus;
  /** Null when eligible. */
  reason: EligibilityReason | null;
}
