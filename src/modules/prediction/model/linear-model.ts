import { FeatureMatrix, FeatureRow } from 'src/modules/prediction/model/feature-matrix';
import { ScoreLink, applyLink } from 'src/modules/prediction/model/tree-ensemble';

/** Raw score = intercept + coefficients · x; the link maps it to a probability. */
export interface LinearModel {
  readonly nFeatures: number;
  readonly coefficients: Float64Array;
  readonly intercept: number;
  readonly link: ScoreLink;
}

/** Inputs are read as float32, the type onnxruntime scores, so a model and its export agree. */
export function linearRawScore(model: LinearModel, row: FeatureRow): number {
  let score = model.intercept;
  for (let f = 0; f < model.nFeatures; f++) score += model.coefficients[f] * Math.fround(row[f]);
  return score;
}

export function predictLinear(model: LinearModel, rows: FeatureMatrix): Float64Array {
  const probabilities = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) probabilities[i] = applyLink(model.link, linearRawScore(model, rows[i]));
  return probabilities;
}
