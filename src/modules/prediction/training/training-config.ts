import { MEASURE_CODES, MeasureCode } from 'src/modules/measures/measure-code';
import { PlanArchetype } from 'src/modules/members/synthetic/plan-archetype';
import { GradientBoostingOptions } from 'src/modules/prediction/model/gradient-boosting';
import { LogisticRegressionOptions } from 'src/modules/prediction/model/logistic-regression';

/** Everything that determines a training run; the same config always gives the same models, byte for byte. */
export interface TrainingConfig {
  readonly members: number;
  readonly seed: number;
  readonly plan: PlanArchetype;
  readonly starYear: number;
  readonly measures: readonly MeasureCode[];
  /** Share of members held out; a member is in the holdout for every measure or for none. */
  readonly holdoutFraction: number;
  readonly calibrationBins: number;
  /** The `.1` in `COL-2026.1`: bump it when a retrained model replaces a served one. */
  readonly modelRevision: number;
  /** The boosting seed is derived from `seed`; setting it here has no effect. */
  readonly gradientBoosting: Omit<GradientBoostingOptions, 'seed'>;
  readonly logisticRegression: LogisticRegressionOptions;
}

/**
 * Sized for the serving budget, and chosen by 5-fold cross-validation on the training members only
 * (the holdout never took part): tabulated TreeSHAP costs about trees × leaves × depth per row and every
 * prediction is explained, so 150 depth-2 trees (4 leaves each) explain a row in a few hundredths of
 * a millisecond, against 0.7 ms for the core's 200 × depth-5 default. On this population the outcome
 * is close to additive in the features, and shallow, strongly regularised trees cross-validated as
 * well as 300 of them and better than depth 3–5 (docs/models.md, "Training run").
 */
export const SERVING_GRADIENT_BOOSTING: Omit<GradientBoostingOptions, 'seed'> = {
  nTrees: 150,
  maxDepth: 2,
  learningRate: 0.1,
  minSamplesLeaf: 50,
  l2: 10,
  rowSubsample: 0.8,
  maxBins: 255,
  minChildWeight: 1e-3,
  minGain: 0,
};

export const DEFAULT_TRAINING_CONFIG: TrainingConfig = {
  members: 100_000,
  seed: 42,
  plan: PlanArchetype.ThreeAndHalfStar,
  starYear: 2026,
  measures: MEASURE_CODES,
  holdoutFraction: 0.2,
  calibrationBins: 10,
  modelRevision: 2,
  gradientBoosting: SERVING_GRADIENT_BOOSTING,
  logisticRegression: { l2: 1, maxIterations: 50, tolerance: 1e-8 },
};

/** Distinct streams from the one run seed, so the split and each measure's boosting do not share draws. */
export function boostingSeed(runSeed: number, measureIndex: number): number {
  return (Math.imul(runSeed >>> 0, 0x9e3779b1) + 0x632be5ab * (measureIndex + 1)) >>> 0;
}

export function splitSeed(runSeed: number): number {
  return (Math.imul(runSeed >>> 0, 0x85ebca77) ^ 0x5f356495) >>> 0;
}
