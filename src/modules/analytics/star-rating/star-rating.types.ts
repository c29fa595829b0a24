import { RatingKind, ThresholdRow } from 'src/modules/analytics/star-rating/star-method.types';

export type ContractType = 'ma_pd' | 'ma_only' | 'pdp';

/** Why a measure has no star, in CMS's data-table wording reduced to codes. */
export type NotRatedReason =
  | 'not_required'
  | 'benefit_not_offered'
  | 'not_enough_data'
  | 'too_small'
  | 'too_new'
  | 'no_data';

/** A measure's star (1 to 5) or the reason it has none. A measure left out counts as `no_data`. */
export type MeasureOutcome = number | NotRatedReason;

export interface ContractStarInput {
  contractId: string;
  contractType: ContractType;
  puertoRicoOnly: boolean;
  measures: Readonly<Record<string, MeasureOutcome>>;
  /** Share of members (0-100) living in FEMA disaster areas, by calendar year. */
  disasterPercentByYear: Readonly<Record<number, number>>;
  /** CAI final adjustment category per rating; absent means no CAI is added. */
  finalAdjustmentCategory: { partC?: number; partD?: number; overall?: number };
}

export type SummaryName = 'part_c' | 'part_d' | 'overall';

export type PassName =
  | 'with_improvement'
  | 'without_improvement'
  | 'with_improvement_without_new_measures'
  | 'without_improvement_without_new_measures';

export type MeanCategory = 'high' | 'relatively_high' | 'other';
export type VarianceCategory = 'low' | 'medium' | 'high';

/** One computation of a rating over one set of measures; the API returns these as they are. */
export interface RatingPass {
  name: PassName;
  thresholdRow: ThresholdRow;
  ratingKind: RatingKind;
  measures: readonly string[];
  weightTotal: number;
  weightedMean: number;
  /** Rounded half up to the reward-factor precision (6 decimals) before the Table 8 comparison. */
  weightedMeanRounded: number;
  weightedVariance: number;
  weightedVarianceRounded: number;
  meanCategory: MeanCategory;
  varianceCategory: VarianceCategory;
  rewardFactor: number;
  caiCategory: number | null;
  cai: number;
  finalScore: number;
  stars: number;
}

export type RatingStatus = 'rated' | 'not_enough_data' | 'not_applicable';

export interface SummaryRating {
  summary: SummaryName;
  status: RatingStatus;
  /** The rating as CMS would publish it: null unless `status` is `rated`. */
  stars: number | null;
  /** The chosen pass's stars, also when the contract misses the minimum number of rated measures. */
  computedStars: number | null;
  ratedMeasureCount: number;
  requiredMeasureCount: number;
  minimumRatedMeasures: number;
  chosenPass: PassName | null;
  reason: string;
  passes: readonly RatingPass[];
}

export interface ContractStarRating {
  contractId: string;
  starYear: number;
  contractType: ContractType;
  partC: SummaryRating;
  partD: SummaryRating;
  overall: SummaryRating;
}
