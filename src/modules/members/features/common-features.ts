import { measureKey } from 'src/modules/measures/measure-code';
import { FeatureDefinition, flag } from 'src/modules/members/features/feature-context';
import { DiagnosesRecord, Sex, SnpType } from 'src/modules/members/member-record';

/** Named chronic conditions plus the payer's count of other CMS chronic conditions. */
export function chronicConditionCount(d: DiagnosesRecord): number {
  const named = [d.diabetes, d.hypertension, d.hyperlipidemia, d.ischemic_vascular_disease, d.heart_failure];
  return named.filter(Boolean).length + flag(d.depression) + flag(d.ckd_stage > 0) + d.other_chronic_condition_count;
}

/** Risk drivers every measure's model sees, first in every vector and in this order. */
export const COMMON_FEATURES: readonly FeatureDefinition[] = [
  { name: 'age', description: 'Age in years on 31 December of the measurement year', value: (c) => c.age },
  { name: 'female', description: '1 if administrative sex is female', value: (c) => flag(c.member.sex === Sex.Female) },
  {
    name: 'lis_dual_eligible',
    description: '1 if low-income subsidy or dual eligible',
    value: (c) => flag(c.member.enrollment.lis_dual_eligible),
  },
  {
    name: 'disabled',
    description: '1 if originally entitled by disability',
    value: (c) => flag(c.member.enrollment.disabled),
  },
  {
    name: 'special_needs_plan',
    description: '1 if enrolled in any SNP',
    value: (c) => flag(c.member.enrollment.snp_type !== SnpType.None),
  },
  {
    name: 'months_enrolled',
    description: 'Months enrolled in the measurement year',
    value: (c) => c.member.enrollment.months_enrolled,
  },
  {
    name: 'chronic_condition_count',
    description:
      'Named chronic conditions (diabetes, hypertension, hyperlipidemia, IVD, heart failure, depression, CKD) ' +
      'plus other CMS chronic conditions',
    value: (c) => chronicConditionCount(c.member.diagnoses),
  },
  { name: 'depression', description: '1 if depression is diagnosed', value: (c) => flag(c.member.diagnoses.depression) },
  { name: 'pcp_visits_12m', description: 'PCP visits in the last 12 months', value: (c) => c.member.utilization.pcp_visits },
  {
    name: 'has_assigned_pcp',
    description: '1 if the member has a named PCP',
    value: (c) => flag(c.member.utilization.has_assigned_pcp),
  },
  { name: 'ed_visits_12m', description: 'ED visits in the last 12 months', value: (c) => c.member.utilization.ed_visits },
  {
    name: 'inpatient_stays_12m',
    description: 'Inpatient stays in the last 12 months',
    value: (c) => c.member.utilization.inpatient_stays,
  },
  {
    name: 'distance_to_pcp_miles',
    description: 'Miles to the PCP; 0 when unknown (see distance_unknown)',
    value: (c) => c.member.utilization.distance_to_pcp_miles ?? 0,
  },
  {
    name: 'distance_unknown',
    description: '1 if the payer holds no distance to the PCP',
    value: (c) => flag(c.member.utilization.distance_to_pcp_miles == null),
  },
  {
    name: 'prescriber_count',
    description: 'Distinct prescribers in the last 12 months',
    value: (c) => c.member.pharmacy.prescriber_count,
  },
  {
    name: 'prior_year_compliant',
    description: '1 if the member met this measure last year; 0 if not, or unknown (see prior_year_known)',
    value: (c, measure) => flag(c.member.prior_year_compliance[measureKey(measure)] === true),
  },
  {
    name: 'prior_year_known',
    description: '1 if last year\'s status on this measure is known',
    value: (c, measure) => flag(typeof c.member.prior_year_compliance[measureKey(measure)] === 'boolean'),
  },
  {
    name: 'days_left_in_year',
    description: 'Days from the as-of date to 31 December: the time left to close the gap',
    value: (c) => Math.max(0, c.yearEnd - c.asOf),
  },
  {
    name: 'met_to_date',
    description: 'Already compliant on the record as of the as-of date (final for screenings; provisional for GSD, CBP and PDC)',
    value: (c, measure) => flag(c.metToDate[measure]),
  },
];
