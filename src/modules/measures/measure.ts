import { MeasureCode } from 'src/modules/measures/measure-code';

export enum MeasurePart {
  C = 'C',
  D = 'D',
}

/** CMS weighting categories (Technical Notes 2026, Attachment G); only the two used by the 12 measures. */
export enum WeightingCategory {
  Process = 'process',
  IntermediateOutcome = 'intermediate_outcome',
}

export enum InterventionType {
  OutreachCall = 'outreach_call',
  ProviderGapAlert = 'provider_gap_alert',
  MailedFitKit = 'mailed_fit_kit',
  MailedLabKit = 'mailed_lab_kit',
  InHomeVisit = 'in_home_visit',
  PharmacistAdherenceCall = 'pharmacist_adherence_call',
  NinetyDaySupplyConversion = 'ninety_day_supply_conversion',
}

/** Minimum whole-percent score for each star level; below `two_star` is one star. */
export interface CutPoints {
  two_star: number;
  three_star: number;
  four_star: number;
  five_star: number;
}

/** Spread of contract scores on the measure in the Star year (derived from CMS's measure data table). */
export interface ContractScorePercentiles {
  n_contracts: number;
  p10: number;
  p25: number;
  p50: number;
  p75: number;
  p90: number;
  mean: number;
}

/** A planning assumption, not a published fact (see the catalogue's `interventions_note`). */
export interface DefaultIntervention {
  type: InterventionType;
  description: string;
  unit_cost_cents: number;
  expected_closure_rate: number;
  is_assumption: boolean;
}

/** One measure as the catalogue file and the API hold it (snake_case, house style rule 12). */
export interface MeasureDefinition {
  code: MeasureCode;
  cms_id: string;
  steward_code: string;
  name: string;
  part: MeasurePart;
  weight: number;
  weighting_category: WeightingCategory;
  higher_is_better: boolean;
  cut_points: CutPoints;
  cut_points_org_type: string;
  pdp_cut_points: CutPoints | null;
  national_average: number;
  contract_score_percentiles: ContractScorePercentiles;
  denominator: string;
  numerator: string;
  exclusions: string[];
  default_interventions: DefaultIntervention[];
  source: string;
  notes?: string;
}

export interface MeasureCatalogue {
  star_year: number;
  measurement_year: number;
  catalogue_version: string;
  source: string;
  interventions_note: string;
  measures: MeasureDefinition[];
}
