import { Injectable } from '@nestjs/common';
import { MeasureCode } from 'src/modules/measures/measure-code';
import { FeatureVector } from 'src/modules/members/features';
import { ModelRegistry } from 'src/modules/prediction/registry/model-registry';
import { RiskTier, riskTier } from 'src/modules/prediction/registry/risk-tier';

/** One member's model output for one measure, with its exact explanation. */
export interface ScoredMember {
  gapProbability: number;
  /** The model's raw score (log-odds): expectedValue + Σ contributions. */
  riskScore: number;
  riskTier: RiskTier;
  expectedValue: number;
  /** SHAP value per model input, in the order of `featureNames`. */
  contributions: Float64Array;
  featureNames: readonly string[];
  /** The model's input row (feature values in `featureNames` order). */
  inputs: Float64Array;
  modelVersion: string;
}

/**
 * Scores feature vectors with the measure's ONNX model (one onnxruntime call per batch) and explains
 * each row exactly with SHAP computed from the trees read out of the same file.
 */
@Injectable()
export class PredictionEngine {
  constructor(private readonly registry: ModelRegistry) {}

  async score(measure: MeasureCode, vectors: readonly FeatureVector[]): Promise<ScoredMember[]> {
    if (vectors.length === 0) return [];
    const loaded = this.registry.get(measure);
    const rows = vectors.map((vector) => Float64Array.from(loaded.columns, (index) => vector.values[index]));
    const probabilities = await loaded.scorer.predictProbabilities(rows);
    const thresholds = loaded.manifest.risk_tier_thresholds;
    return rows.map((inputs, i) => {
      const contributions = loaded.explainer.shapValues(inputs);
      let riskScore = loaded.explainer.expectedValue;
      for (const contribution of contributions) riskScore += contribution;
      return {
        gapProbability: probabilities[i],
        riskScore,
        riskTier: riskTier(probabilities[i], thresholds),
        expectedValue: loaded.explainer.expectedValue,
        contributions,
        featureNames: loaded.manifest.feature_names,
        inputs,
        modelVersion: loaded.manifest.model_version,
      };
    });
  }
}
