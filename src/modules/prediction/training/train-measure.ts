import { performance } from 'node:perf_hooks';
import { MEASURE_CODES } from 'src/modules/measures/measure-code';
import { trainGradientBoosting } from 'src/modules/prediction/model/gradient-boosting';
import { predictLinear } from 'src/modules/prediction/model/linear-model';
import { trainLogisticRegression } from 'src/modules/prediction/model/logistic-regression';
import { exportTreeEnsembleToOnnx } from 'src/modules/prediction/model/onnx-export';
import { predictEnsemble, TreeEnsemble } from 'src/modules/prediction/model/tree-ensemble';
import type { RiskTierThresholds } from 'src/modules/prediction/registry/model-manifest';
import { evaluateHoldout, HoldoutEvaluation } from 'src/modules/prediction/training/holdout-evaluation';
import { pick, RowSplit, splitRows } from 'src/modules/prediction/training/holdout-split';
import { MeasureDataset } from 'src/modules/prediction/training/measure-dataset';
import { RISK_TIER_THRESHOLDS } from 'src/modules/prediction/training/risk-tiers';
import { boostingSeed, TrainingConfig } from 'src/modules/prediction/training/training-config';

/** One measure's trained model, its baseline's scores on the same split, and the exported file. */
export interface MeasureTrainingResult {
  readonly dataset: MeasureDataset;
  readonly split: RowSplit;
  readonly boostingSeed: number;
  readonly ensemble: TreeEnsemble;
  readonly onnx: Uint8Array;
  readonly model: HoldoutEvaluation;
  readonly baseline: HoldoutEvaluation;
  /** Gap probabilities of the holdout rows, in split order. */
  readonly holdoutProbabilities: Float64Array;
  readonly thresholds: Readonly<RiskTierThresholds>;
  /** Wall time for both fits; reported, never written to a file, so the files stay reproducible. */
  readonly trainingSeconds: number;
}

/** Trains the boosted trees and the logistic baseline on the same rows and scores both on the same holdout. */
export function trainMeasure(
  dataset: MeasureDataset,
  heldOut: Uint8Array,
  config: TrainingConfig,
  version: string,
): MeasureTrainingResult {
  const split = splitRows(dataset.memberIndex, heldOut);
  const trainLabels = pick(dataset.labels, split.train);
  const holdoutLabels = pick(dataset.labels, split.holdout);
  assertBothClasses(dataset.measure, trainLabels, holdoutLabels);
  const trainRows = pick(dataset.rows, split.train);
  const holdoutRows = pick(dataset.rows, split.holdout);

  const seed = boostingSeed(config.seed, MEASURE_CODES.indexOf(dataset.measure));
  const started = performance.now();
  const ensemble = trainGradientBoosting(trainRows, trainLabels, { ...config.gradientBoosting, seed });
  const baselineModel = trainLogisticRegression(trainRows, trainLabels, config.logisticRegression);
  const trainingSeconds = (performance.now() - started) / 1000;

  const holdoutProbabilities = predictEnsemble(ensemble, holdoutRows);
  const onnx = exportTreeEnsembleToOnnx(ensemble, {
    featureNames: dataset.featureNames,
    docString: `Probability that the ${dataset.measure} gap is still open at year end. Trained on synthetic data.`,
    metadata: {
      measure_code: dataset.measure,
      model_version: version,
      feature_list_version: dataset.featureListVersion,
    },
  });
  return {
    dataset,
    split,
    boostingSeed: seed,
    ensemble,
    onnx,
    model: evaluateHoldout(holdoutLabels, holdoutProbabilities, config.calibrationBins),
    baseline: evaluateHoldout(holdoutLabels, predictLinear(baselineModel, holdoutRows), config.calibrationBins),
    holdoutProbabilities,
    thresholds: RISK_TIER_THRESHOLDS,
    trainingSeconds,
  };
}

function assertBothClasses(measure: string, ...labelSets: Uint8Array[]): void {
  for (const labels of labelSets) {
    const open = labels.reduce((sum, label) => sum + label, 0);
    if (open === 0 || open === labels.length) {
      throw new RangeError(`${measure}: a split side has only one class; use more members.`);
    }
  }
}
