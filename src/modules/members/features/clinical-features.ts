import {
  daysSince,
  FeatureContext,
  FeatureDefinition,
  flag,
  inMeasurementYear,
} from 'src/modules/members/features/feature-context';

const hba1cThisYear = (c: FeatureContext): boolean => inMeasurementYear(c, c.member.service_history.last_hba1c_date);
const bpThisYear = (c: FeatureContext): boolean => inMeasurementYear(c, c.member.service_history.last_bp_date);

export const GSD_FEATURES: readonly FeatureDefinition[] = [
  {
    name: 'hba1c_tested_this_year',
    description: '1 if an HbA1c is on record this year',
    value: (c) => flag(hba1cThisYear(c)),
  },
  {
    name: 'last_hba1c_value',
    description: 'Most recent HbA1c this year, percent; 0 when not tested this year',
    value: (c) => (hba1cThisYear(c) ? (c.member.service_history.last_hba1c_value ?? 0) : 0),
  },
  {
    name: 'days_since_last_hba1c',
    description: 'Days since the last HbA1c (3650 if none)',
    value: (c) => daysSince(c, c.member.service_history.last_hba1c_date),
  },
  {
    name: 'insulin_user',
    description: '1 if insulin was filled this year',
    value: (c) => flag(c.member.pharmacy.insulin_fills > 0),
  },
  {
    name: 'diabetes_pdc_to_date',
    description: 'Proportion of days covered by non-insulin diabetes drugs so far (0 if none)',
    value: (c) => c.member.pharmacy.diabetes?.pdc_to_date ?? 0,
  },
];

export const KED_FEATURES: readonly FeatureDefinition[] = [
  {
    name: 'egfr_this_year',
    description: '1 if an eGFR is on record this year',
    value: (c) => flag(inMeasurementYear(c, c.member.service_history.last_egfr_date)),
  },
  {
    name: 'uacr_this_year',
    description: '1 if a urine albumin-creatinine ratio is on record this year',
    value: (c) => flag(inMeasurementYear(c, c.member.service_history.last_uacr_date)),
  },
  {
    name: 'days_since_last_uacr',
    description: 'Days since the last uACR (3650 if none)',
    value: (c) => daysSince(c, c.member.service_history.last_uacr_date),
  },
  { name: 'ckd_stage', description: 'CKD stage, 0-5', value: (c) => c.member.diagnoses.ckd_stage },
];

export const CBP_FEATURES: readonly FeatureDefinition[] = [
  {
    name: 'bp_measured_this_year',
    description: '1 if a blood pressure is on record this year',
    value: (c) => flag(bpThisYear(c)),
  },
  {
    name: 'last_systolic',
    description: 'Most recent systolic this year, mm Hg; 0 when none this year',
    value: (c) => (bpThisYear(c) ? (c.member.service_history.last_bp_systolic ?? 0) : 0),
  },
  {
    name: 'last_diastolic',
    description: 'Most recent diastolic this year, mm Hg; 0 when none this year',
    value: (c) => (bpThisYear(c) ? (c.member.service_history.last_bp_diastolic ?? 0) : 0),
  },
  {
    name: 'days_since_last_bp',
    description: 'Days since the last blood pressure reading (3650 if none)',
    value: (c) => daysSince(c, c.member.service_history.last_bp_date),
  },
  {
    name: 'rasa_pdc_to_date',
    description: 'Proportion of days covered by RAS antagonists so far (0 if none)',
    value: (c) => c.member.pharmacy.rasa?.pdc_to_date ?? 0,
  },
  { name: 'diabetes', description: '1 if diabetes is diagnosed', value: (c) => flag(c.member.diagnoses.diabetes) },
];
