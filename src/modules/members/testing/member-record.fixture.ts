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

/** A member with every optional field present (each drug class, every service date, every prior-year flag). */
export function aMemberWithEveryField(year = 2026): MemberRecord {
  const fills = (first: string) => ({
    fills: 4,
    first_fill_date: `${year}-${first}`,
    last_fill_date: `${year}-04-02`,
    last_days_supply: 30,
    days_covered: 110,
    pdc_to_date: 0.87,
    ninety_day_fills: 1,
    mail_order: false,
  });
  const date = (monthDay: string, yearsBack = 0): string => `${year - yearsBack}-${monthDay}`;
  return aMember({
    measurement_year: year,
    birth_date: date('04-10', 70),
    as_of_date: date('06-30'),
    diagnoses: { diabetes: true, ascvd_event_date: date('03-14', 1), fracture_date: date('11-02', 1), ckd_stage: 3 },
    service_history: {
      last_mammogram_date: date('05-20', 1),
      last_colonoscopy_date: date('08-02', 7),
      last_fit_date: date('02-11'),
      last_fit_dna_date: date('10-01', 2),
      last_ct_colonography_date: date('04-17', 3),
      last_sigmoidoscopy_date: date('09-09', 4),
      last_retinal_exam_date: date('09-30', 1),
      last_retinal_exam_negative: true,
      last_egfr_date: date('03-03'),
      last_uacr_date: date('03-03', 1),
      last_bone_density_date: date('06-12', 2),
      last_hba1c_value: 7.4,
      last_hba1c_date: date('03-03'),
      last_bp_systolic: 134,
      last_bp_diastolic: 82,
      last_bp_date: date('04-21'),
      last_ldl_value: 118,
      last_ldl_date: date('05-12'),
    },
    pharmacy: { diabetes: fills('01-09'), rasa: fills('01-20'), statin: fills('02-01'), last_osteoporosis_drug_date: date('12-01', 1) },
    utilization: { distance_to_pcp_miles: 6.5 },
    prior_year_compliance: {
      bcs: true, col: false, omw: true, eed: true, gsd: true, ked: false,
      cbp: true, spc: false, pdc_dr: true, pdc_rasa: true, pdc_sta: true, supd: true,
    },
  });
}
