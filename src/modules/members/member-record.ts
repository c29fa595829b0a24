import { MeasureFlags } from 'src/modules/measures/measure-code';

/**
 * One member as a payer's systems hold it, as the pure logic (eligibility, features, the synthetic
 * generator) sees it. Field names are the wire's snake_case so the request DTO can implement this
 * directly. There is deliberately no member id: the edge replaces it with a keyed hash, and nothing
 * downstream of the edge may depend on it. Dates are ISO `YYYY-MM-DD`.
 */
export interface MemberRecord {
  birth_date: string;
  sex: Sex;
  measurement_year: number;
  /** The day the payer's data was extracted; "to date" figures (PDC, fills) run up to here. */
  as_of_date: string;
  enrollment: EnrollmentRecord;
  diagnoses: DiagnosesRecord;
  service_history: ServiceHistoryRecord;
  pharmacy: PharmacyRecord;
  utilization: UtilizationRecord;
  /** Numerator status last year for measures the member was in; absent means not in it or unknown. */
  prior_year_compliance: MeasureFlags;
}

/** Administrative sex as enrolment records it (HEDIS uses it for BCS, OMW and SPC). */
export enum Sex {
  Female = 'F',
  Male = 'M',
}

export enum SnpType {
  None = 'none',
  DualEligible = 'dual_eligible',
  ChronicCondition = 'chronic_condition',
  Institutional = 'institutional',
}

export enum StatinIntensity {
  None = 'none',
  Low = 'low',
  Moderate = 'moderate',
  High = 'high',
}

export interface EnrollmentRecord {
  part_d: boolean;
  /** Low-income subsidy or dual Medicare-Medicaid eligibility (the CAI's LIS/DE). */
  lis_dual_eligible: boolean;
  /** Originally entitled to Medicare by disability. */
  disabled: boolean;
  snp_type: SnpType;
  /** Living long-term in an institution (nursing home). */
  long_term_care: boolean;
  hospice: boolean;
  /** Months of the measurement year the member is enrolled, counting the rest of the year on current enrolment. */
  months_enrolled: number;
}

export interface DiagnosesRecord {
  diabetes: boolean;
  hypertension: boolean;
  hyperlipidemia: boolean;
  /** An ischemic vascular disease diagnosis in both the measurement year and the year before. */
  ischemic_vascular_disease: boolean;
  /** Most recent myocardial infarction, CABG, PCI or other revascularisation. */
  ascvd_event_date?: string | null;
  heart_failure: boolean;
  depression: boolean;
  /** Chronic kidney disease stage 1-5; 0 when the member has none. */
  ckd_stage: number;
  /** End-stage renal disease or dialysis. */
  esrd: boolean;
  /** Most recent fracture of the kinds OMW counts (not finger, toe, face or skull). */
  fracture_date?: string | null;
  bilateral_mastectomy: boolean;
  colorectal_cancer_or_colectomy: boolean;
  /** At least two indications of frailty on different dates in the measurement year. */
  frailty: boolean;
  advanced_illness: boolean;
  palliative_care: boolean;
  pregnancy: boolean;
  /** Myalgia, myositis, myopathy or rhabdomyolysis. */
  statin_intolerance: boolean;
  /** Other chronic conditions on the CMS Chronic Conditions list (COPD, arthritis, dementia, ...). */
  other_chronic_condition_count: number;
}

export interface ServiceHistoryRecord {
  last_mammogram_date?: string | null;
  last_colonoscopy_date?: string | null;
  last_fit_date?: string | null;
  last_fit_dna_date?: string | null;
  last_ct_colonography_date?: string | null;
  last_sigmoidoscopy_date?: string | null;
  last_retinal_exam_date?: string | null;
  /** The last retinal exam showed no retinopathy. */
  last_retinal_exam_negative?: boolean | null;
  last_egfr_date?: string | null;
  last_uacr_date?: string | null;
  last_bone_density_date?: string | null;
  /** Percent. */
  last_hba1c_value?: number | null;
  last_hba1c_date?: string | null;
  last_bp_systolic?: number | null;
  last_bp_diastolic?: number | null;
  last_bp_date?: string | null;
  /** LDL cholesterol from the latest lipid panel, mg/dL. */
  last_ldl_value?: number | null;
  last_ldl_date?: string | null;
}

/** Fills of one drug class in the measurement year, up to `as_of_date`. */
export interface DrugClassFills {
  fills: number;
  first_fill_date?: string | null;
  last_fill_date?: string | null;
  last_days_supply?: number | null;
  /** Days covered from the first fill to `as_of_date`, overlapping supply shifted forward (PQA method). */
  days_covered: number;
  /** Proportion of days covered from the first fill to `as_of_date`, 0-1. */
  pdc_to_date: number;
  ninety_day_fills: number;
  mail_order: boolean;
}

/** The drug classes the PDC measures follow, as named in `PharmacyRecord`. */
export type DrugClass = 'diabetes' | 'rasa' | 'statin';

export interface PharmacyRecord {
  /** Non-insulin diabetes medications (the PDC-DR classes). */
  diabetes?: DrugClassFills | null;
  /** Renin-angiotensin system antagonists: ACE inhibitors, ARBs, direct renin inhibitors. */
  rasa?: DrugClassFills | null;
  statin?: DrugClassFills | null;
  insulin_fills: number;
  /** Highest statin intensity dispensed in the measurement year. */
  statin_intensity: StatinIntensity;
  sacubitril_valsartan: boolean;
  last_osteoporosis_drug_date?: string | null;
  /** Distinct prescribers over the last 12 months. */
  prescriber_count: number;
}

/** The 12 months before `as_of_date`. */
export interface UtilizationRecord {
  pcp_visits: number;
  has_assigned_pcp: boolean;
  ed_visits: number;
  inpatient_stays: number;
  /** Access proxy; absent when the payer does not hold it. */
  distance_to_pcp_miles?: number | null;
}
