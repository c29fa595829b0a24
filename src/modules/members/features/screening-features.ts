import { daysSince, FeatureContext, FeatureDefinition, flag } from 'src/modules/members/features/feature-context';
import { optionalDay } from 'src/modules/members/member-dates';
import { OMW_TREATMENT_DAYS } from 'src/modules/members/numerator-status';

const mostRecent = (...dates: Array<string | null | undefined>): string | null =>
  dates.filter((date): date is string => Boolean(date)).sort().at(-1) ?? null;

function lastColorectalScreening({ member }: FeatureContext): string | null {
  const h = member.service_history;
  return mostRecent(
    h.last_colonoscopy_date,
    h.last_fit_date,
    h.last_fit_dna_date,
    h.last_ct_colonography_date,
    h.last_sigmoidoscopy_date,
  );
}

function daysSinceFracture(context: FeatureContext): number {
  return daysSince(context, context.member.diagnoses.fracture_date);
}

export const BCS_FEATURES: readonly FeatureDefinition[] = [
  {
    name: 'days_since_last_mammogram',
    description: 'Days from the last mammogram to the as-of date (3650 if none)',
    value: (c) => daysSince(c, c.member.service_history.last_mammogram_date),
  },
  {
    name: 'never_mammogram',
    description: '1 if no mammogram is on record',
    value: (c) => flag(!c.member.service_history.last_mammogram_date),
  },
];

export const COL_FEATURES: readonly FeatureDefinition[] = [
  {
    name: 'days_since_last_colorectal_screening',
    description: 'Days since the last colorectal screening of any kind (3650 if none)',
    value: (c) => daysSince(c, lastColorectalScreening(c)),
  },
  {
    name: 'never_colorectal_screening',
    description: '1 if no colorectal screening is on record',
    value: (c) => flag(lastColorectalScreening(c) === null),
  },
  {
    name: 'ever_colonoscopy',
    description: '1 if a colonoscopy is on record',
    value: (c) => flag(Boolean(c.member.service_history.last_colonoscopy_date)),
  },
];

export const OMW_FEATURES: readonly FeatureDefinition[] = [
  { name: 'days_since_fracture', description: 'Days from the fracture to the as-of date', value: daysSinceFracture },
  {
    name: 'days_left_in_treatment_window',
    description: 'Days left of the 180 after the fracture in which a BMD test or drug counts',
    value: (c) => Math.max(0, OMW_TREATMENT_DAYS - daysSinceFracture(c)),
  },
  {
    name: 'bone_density_before_fracture',
    description: '1 if a bone density test is on record before the fracture',
    value: (c) => {
      const test = optionalDay(c.member.service_history.last_bone_density_date);
      const fracture = optionalDay(c.member.diagnoses.fracture_date);
      return flag(test !== null && fracture !== null && test < fracture);
    },
  },
];

export const EED_FEATURES: readonly FeatureDefinition[] = [
  {
    name: 'days_since_last_retinal_exam',
    description: 'Days since the last retinal eye exam (3650 if none)',
    value: (c) => daysSince(c, c.member.service_history.last_retinal_exam_date),
  },
  {
    name: 'last_retinal_exam_negative',
    description: '1 if the last retinal exam found no retinopathy',
    value: (c) => flag(c.member.service_history.last_retinal_exam_negative),
  },
  { name: 'ckd_stage', description: 'CKD stage, 0-5', value: (c) => c.member.diagnoses.ckd_stage },
  {
    name: 'insulin_user',
    description: '1 if insulin was filled this year',
    value: (c) => flag(c.member.pharmacy.insulin_fills > 0),
  },
];
