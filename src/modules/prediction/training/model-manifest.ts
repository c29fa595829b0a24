import { MeasureCode } from 'src/modules/measures/measure-code';
import { CalibrationBin } from 'src/modules/prediction/model/metrics';
import type { RiskTierThresholds } from 'src/modules/prediction/registry/model-manifest';

/** models/<CODE>/manifest.json (docs/models.md, "The manifest contract"); snake_case as on the wire. */
export interface TrainedModelManifest {
  measure_code: MeasureCode;
  /** At most 20 characters: predictions.model_version is VARCHAR(20). */
  model_version: string;
  onnx_file: string;
  model_type: 'tree_ensemble' | 'linear';
  feature_list_version: string;
  feature_names: string[];
  /** Linear models only: the point linear SHAP explains against. */
  reference_means?: number[];
  training: ManifestTraining;
  metrics: ManifestMetrics;
  risk_tier_thresholds: RiskTierThresholds;
}

export interface ManifestTraining {
  data: string;
  label: string;
  population: {
    generator: string;
    members: number;
    seed: number;
    plan: string;
    star_year: number;
    measurement_year: number;
    as_of_date: string;
  };
  rows: number;
  positive_rate: number;
  split: { method: string; holdout_fraction: number; seed: number; train_rows: number; holdout_rows: number };
  seed: number;
  options: {
    gradient_boosting: Record<string, number>;
    logistic_regression_baseline: Record<string, number>;
  };
}

export interface ManifestCalibrationBin {
  bin: number;
  count: number;
  min_predicted: number;
  max_predicted: number;
  mean_predicted: number;
  observed_rate: number;
}

export interface ManifestMetrics {
  holdout_auc: number;
  holdout_brier: number;
  baseline_auc: number;
  baseline_brier: number;
  calibration: ManifestCalibrationBin[];
}

export const MAX_MODEL_VERSION_LENGTH = 20;
export const ONNX_FILE_NAME = 'model.onnx';
export const MANIFEST_FILE_NAME = 'manifest.json';

/** `COL-2026.1`: measure, Star year, revision. */
export function modelVersion(measure: MeasureCode, starYear: number, revision: number): string {
  const version = `${measure}-${starYear}.${revision}`;
  if (version.length > MAX_MODEL_VERSION_LENGTH) {
    throw new RangeError(`Model version ${version} is longer than ${MAX_MODEL_VERSION_LENGTH} characters.`);
  }
  return version;
}

/** Six decimals: enough for any metric, and stable text in a committed file. */
export function rounded(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

export function manifestCalibration(table: readonly CalibrationBin[]): ManifestCalibrationBin[] {
  return table.map((bin) => ({
    bin: bin.bin,
    count: bin.count,
    min_predicted: rounded(bin.minPredicted),
    max_predicted: rounded(bin.maxPredicted),
    mean_predicted: rounded(bin.meanPredicted),
    observed_rate: rounded(bin.observedRate),
  }));
}

/** camelCase option objects to the manifest's snake_case keys. */
export function snakeCaseKeys(options: object): Record<string, number> {
  return Object.fromEntries(
    Object.entries(options).map(([key, value]) => [key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), value as number]),
  );
}

export function manifestJson(manifest: TrainedModelManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
