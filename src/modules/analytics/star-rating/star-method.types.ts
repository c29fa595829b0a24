/**
 * One Star year's method, as checked and converted by `parseStarMethod`. Decimal constants
 * (thresholds, reward values, CAI values) are held as integer millionths so every comparison
 * and sum is exact: CMS publishes them to 6 decimals and compares at 6 decimals.
 */
export type RatingKind = 'part_c' | 'part_d_ma_pd' | 'part_d_pdp' | 'overall';

export const RATING_KINDS: readonly RatingKind[] = ['part_c', 'part_d_ma_pd', 'part_d_pdp', 'overall'];

/** Which Table 8/9 row applies: with or without the improvement measures and the new measures. */
export type ThresholdRow =
  | 'with_improvement/with_new_measures'
  | 'with_improvement/without_new_measures'
  | 'without_improvement/with_new_measures'
  | 'without_improvement/without_new_measures';

export const THRESHOLD_ROWS: readonly ThresholdRow[] = [
  'with_improvement/with_new_measures',
  'with_improvement/without_new_measures',
  'without_improvement/with_new_measures',
  'without_improvement/without_new_measures',
];

export interface RewardThresholds {
  meanP65: number;
  meanP85: number;
  varianceP30: number;
  varianceP70: number;
}

export interface RewardValues {
  highMeanLowVariance: number;
  highMeanMediumVariance: number;
  relativelyHighMeanLowVariance: number;
  relativelyHighMeanMediumVariance: number;
}

export interface CutPointRule {
  higherIsBetter: boolean;
  decimals: number;
  /** Score needed for 2, 3, 4 and 5 stars, in that order. */
  cutPoints: readonly [number, number, number, number];
}

export interface MeasureCutPoints {
  name: string;
  maPd: CutPointRule;
  /** Part D measures have separate PDP cut points; absent means the MA-PD ones apply. */
  pdp?: CutPointRule;
}

export interface NewMeasureGroup {
  measures: readonly string[];
  disasterYear: number;
}

export interface StarMethod {
  starYear: number;
  measurementYear: number;
  source: string;
  /** Where `source` came from, for error messages. */
  fileName: string;
  citations: Readonly<Record<string, string>>;
  weights: ReadonlyMap<string, number>;
  puertoRicoOnlyWeights: ReadonlyMap<string, number>;
  partCMeasures: readonly string[];
  partDMeasures: readonly string[];
  overallMeasures: readonly string[];
  improvementMeasures: ReadonlySet<string>;
  newMeasures: ReadonlySet<string>;
  newMeasureHoldHarmless: { disasterPercentAtLeast: number; groups: readonly NewMeasureGroup[] };
  improvementHoldHarmless: { withoutImprovementAtLeast: number };
  minimumRatedMeasures: { shareOfRequired: number; overallRequiresBothSummaries: boolean };
  rewardDecimals: number;
  /** Millionths. */
  rewardValues: RewardValues;
  /** Millionths. */
  rewardThresholds: Readonly<Record<ThresholdRow, Readonly<Record<RatingKind, RewardThresholds>>>>;
  /** Millionths, by final adjustment category. */
  caiByCategory: Readonly<Record<RatingKind, ReadonlyMap<number, number>>>;
  measureCutPoints: ReadonlyMap<string, MeasureCutPoints>;
}
