import {
  DiagnosesRecord,
  EnrollmentRecord,
  MemberRecord,
  PharmacyRecord,
  ServiceHistoryRecord,
  Sex,
  SnpType,
  StatinIntensity,
  UtilizationRecord,
} from 'src/modules/members/member-record';

/** Overrides for a test member: top-level fields, or any subset of each nested group. */
export interface MemberOverrides {
  birth_date?: string;
  sex?: Sex;
  measurement_year?: number;
  as_of_date?: string;
  enrollment?: Partial<EnrollmentRecord>;
  diagnoses?: Partial<DiagnosesRecord>;
  service_history?: Partial<ServiceHistoryRecord>;
  pharmacy?: Partial<PharmacyRecord>;
  utilization?: Partial<UtilizationRecord>;
  prior_year_compliance?: MemberRecord['prior_year_compliance'];
}

/** Test-only builder: a healthy, continuously enrolled MA-PD member aged 70 in measurement year 2026. */
export function aMember(overrides: MemberOverrides = {}): MemberRecord {
  return {
    birth_date: overrides.birth_date ?? '1956-04-10',
    sex: overrides.sex ?? Sex.Female,
    measurement_year: overrides.measurement_year ?? 2026,
    as_of_date: overrides.as_of_date ?? '2026-06-30',
    enrollment: {
      part_d: true,
      lis_dual_eligible: false,
      disabled: false,
      snp_type: SnpType.None,
      long_term_care: false,
      hospice: false,
      months_enrolled: 12,
      ...overrides.enrollment,
    },
    diagnoses: {
      diabetes: false,
      hypertension: false,
      hyperlipidemia: false,
      ischemic_vascular_disease: false,
      heart_failure: false,
      depression: false,
      ckd_stage: 0,
      esrd: false,
      bilateral_mastectomy: false,
      colorectal_cancer_or_colectomy: false,
      frailty: false,
      advanced_illness: false,
      palliative_care: false,
      pregnancy: false,
      statin_intolerance: false,
      other_chronic_condition_count: 0,
      ...overrides.diagnoses,
    },
    service_history: { ...overrides.service_history },
    pharmacy: {
      insulin_fills: 0,
      statin_intensity: StatinIntensity.None,
      sacubitril_valsartan: false,
      prescriber_count: 1,
      ...overrides.pharmacy,
    },
    utilization: { pcp_visits: 2, has_assigned_pcp: true, ed_visits: 0, inpatient_stays: 0, ...overrides.utilization },
    prior_year_compliance: { ...overrides.prior_year_compliance },
  };
}

/** A member born in the given year, so their HEDIS age on 31 December 2026 is `2026 - year`. */
export function agedOnDec31(age: number, overrides: MemberOverrides = {}): MemberRecord {
  return aMember({ ...overrides, birth_date: `${2026 - age}-07-01` });
}
