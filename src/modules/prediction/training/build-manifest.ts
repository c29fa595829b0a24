import {
  manifestCalibration,
  TrainedModelManifest,
  ONNX_FILE_NAME,
  rounded,
  snakeCaseKeys,
} from 'src/modules/prediction/training/model-manifest';
import { TrainingConfig } from 'src/modules/prediction/training/training-config';
import { MeasureTrainingResult } from 'src/modules/prediction/training/train-measure';

export const TRAINING_DATA_DESCRIPTION =
  'Synthetic Medicare Advantage population from generatePopulation: synthetic, not real members; ' +
  'not for clinical use.';

/** What the population was generated with, beyond the config. */
export interface PopulationFacts {
  readonly measurementYear: number;
  readonly asOfDate: string;
}

export function buildManifest(
  result: MeasureTrainingResult,
  config: TrainingConfig,
  population: PopulationFacts,
  version: string,
): TrainedModelManifest {
  const { dataset, split, model, baseline } = result;
  const open = dataset.labels.reduce((sum, label) => sum + label, 0);
  return {
    measure_code: dataset.measure,
    model_version: version,
    onnx_file: ONNX_FILE_NAME,
    model_type: 'tree_ensemble',
    feature_list_version: dataset.featureListVersion,
    feature_names: [...dataset.featureNames],
    training: {
      data: TRAINING_DATA_DESCRIPTION,
      label: '1 = gap still open on 31 December (no year-end compliance); the model outputs P(label = 1)',
      population: {
        generator: 'src/modules/members/synthetic/generate-population.ts',
        members: config.members,
        seed: config.seed,
        plan: config.plan,
        star_year: config.starYear,
        measurement_year: population.measurementYear,
        as_of_date: population.asOfDate,
      },
      rows: dataset.rows.length,
      positive_rate: rounded(open / dataset.rows.length),
      split: {
        method: 'by member: a seeded shuffle holds out the same members for every measure',
        holdout_fraction: config.holdoutFraction,
        seed: config.seed,
        train_rows: split.train.length,
        holdout_rows: split.holdout.length,
      },
      seed: config.seed,
      options: {
        gradient_boosting: snakeCaseKeys({ ...config.gradientBoosting, seed: result.boostingSeed }),
        logistic_regression_baseline: snakeCaseKeys(config.logisticRegression),
      },
    },
    metrics: {
      holdout_auc: rounded(model.auc),
      holdout_brier: rounded(model.brier),
      baseline_auc: rounded(baseline.auc),
      baseline_brier: rounded(baseline.brier),
      calibration: manifestCalibration(model.calibration),
    },
    risk_tier_thresholds: { ...result.thresholds },
  };
}
