import { max, min } from 'src/modules/members/math';
import {
  daysSince,
  FeatureContext,
  FeatureDefinition,
  flag,
  inMeasurementYear,
} from 'src/modules/members/features/feature-context';
import { optionalDay, yearStartDay } from 'src/modules/members/member-dates';
import { DrugClass, DrugClassFills, StatinIntensity } from 'src/modules/members/member-record';

const fillsOf = (c: FeatureContext, drugClass: DrugClass): DrugClassFills | null =>
  c.member.pharmacy[drugClass] ?? null;

const INTENSITY_LEVEL: Record<StatinIntensity, number> = {
  [StatinIntensity.None]: 0,
  [StatinIntensity.Low]: 1,
  [StatinIntensity.Moderate]: 2,
  [StatinIntensity.High]: 3,
};

/** Best PDC still reachable if every remaining day of the year is covered (PQA period: first fill to 31 Dec). */
export function maxAchievablePdc(c: FeatureContext, fills: DrugClassFills | null): number {
  const first = optionalDay(fills?.first_fill_date);
  if (!fills || first === null) return 1;
  const period = c.yearEnd - first + 1;
  return min(1, (fills.days_covered + max(0, c.yearEnd - c.asOf)) / period);
}

/** Days of supply left after the as-of date; negative once the member has run out. */
export function daysOfSupplyLeft(c: FeatureContext, fills: DrugClassFills | null): number {
  const last = optionalDay(fills?.last_fill_date);
  if (!fills || last === null) return 0;
  return max(-365, min(365, last + (fills.last_days_supply ?? 30) - c.asOf));
}

/** The same nine features for PDC-DR, PDC-RASA and PDC-STA, each reading its own drug class. */
export function pdcFeatures(drugClass: DrugClass): readonly FeatureDefinition[] {
  const of = (c: FeatureContext): DrugClassFills | null => fillsOf(c, drugClass);
  return [
    { name: 'pdc_to_date', description: 'Proportion of days covered so far', value: (c) => of(c)?.pdc_to_date ?? 0 },
    {
      name: 'days_covered',
      description: 'Days covered from the first fill to the as-of date',
      value: (c) => of(c)?.days_covered ?? 0,
    },
    { name: 'fills', description: 'Fills this year', value: (c) => of(c)?.fills ?? 0 },
    {
      name: 'days_since_first_fill',
      description: 'Days from the first fill this year (index date) to the as-of date',
      value: (c) => daysSince(c, of(c)?.first_fill_date),
    },
    {
      name: 'days_since_last_fill',
      description: 'Days from the last fill to the as-of date',
      value: (c) => daysSince(c, of(c)?.last_fill_date),
    },
    {
      name: 'days_of_supply_left',
      description: 'Supply left after the as-of date; negative once run out (last days supply 30 if unknown)',
      value: (c) => daysOfSupplyLeft(c, of(c)),
    },
    {
      name: 'max_achievable_pdc',
      description: 'Year-end PDC if every remaining day is covered; below 0.8 the gap cannot close',
      value: (c) => maxAchievablePdc(c, of(c)),
    },
    {
      name: 'ninety_day_fill_share',
      description: 'Share of fills that were 90-day supplies',
      value: (c) => {
        const fills = of(c);
        return fills && fills.fills > 0 ? min(1, fills.ninety_day_fills / fills.fills) : 0;
      },
    },
    { name: 'mail_order', description: '1 if filled by mail order', value: (c) => flag(of(c)?.mail_order) },
  ];
}

const statinFills = (c: FeatureContext): number => fillsOf(c, 'statin')?.fills ?? 0;
const daysSinceLastStatin: FeatureDefinition = {
  name: 'days_since_last_statin_fill',
  description: 'Days since the last statin fill (3650 if none)',
  value: (c) => daysSince(c, fillsOf(c, 'statin')?.last_fill_date),
};

export const SPC_FEATURES: readonly FeatureDefinition[] = [
  { name: 'statin_fills', description: 'Statin fills this year', value: statinFills },
  {
    name: 'statin_intensity_level',
    description: 'Highest statin intensity this year: 0 none, 1 low, 2 moderate, 3 high',
    value: (c) => INTENSITY_LEVEL[c.member.pharmacy.statin_intensity],
  },
  daysSinceLastStatin,
  {
    name: 'ascvd_event_last_year',
    description: '1 if an MI, CABG, PCI or revascularisation happened in the year before',
    value: (c) => {
      const event = optionalDay(c.member.diagnoses.ascvd_event_date);
      return flag(event !== null && event >= yearStartDay(c.member.measurement_year - 1) && event < c.yearStart);
    },
  },
];

const ldlThisYear = (c: FeatureContext): boolean => inMeasurementYear(c, c.member.service_history.last_ldl_date);

export const SUPD_FEATURES: readonly FeatureDefinition[] = [
  { name: 'statin_fills', description: 'Statin fills this year', value: statinFills },
  daysSinceLastStatin,
  {
    name: 'diabetes_fills',
    description: 'Diabetes drug fills this year, insulin included',
    value: (c) => (fillsOf(c, 'diabetes')?.fills ?? 0) + c.member.pharmacy.insulin_fills,
  },
  {
    name: 'ischemic_vascular_disease',
    description: '1 if IVD is diagnosed',
    value: (c) => flag(c.member.diagnoses.ischemic_vascular_disease),
  },
  {
    name: 'last_ldl_value',
    description: 'LDL cholesterol from the latest lipid panel this year, mg/dL; 0 when none this year',
    value: (c) => (ldlThisYear(c) ? (c.member.service_history.last_ldl_value ?? 0) : 0),
  },
  {
    name: 'days_since_last_ldl',
    description: 'Days since the latest lipid panel (3650 if none)',
    value: (c) => daysSince(c, c.member.service_history.last_ldl_date),
  },
];
