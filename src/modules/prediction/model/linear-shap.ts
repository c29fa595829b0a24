import { FeatureMatrix, FeatureRow, assertFeatureCount } from 'src/modules/prediction/model/feature-matrix';
import { LinearModel } from 'src/modules/prediction/model/linear-model';

/**
 * Exact SHAP for a linear score against a reference point (the mean of the training or reference
 * population): phi_i = w_i (x_i - mean_i), expected value = intercept + w · mean. For independent
 * features this is both the interventional and the observational Shapley value, in raw-score space.
 */
export class LinearShapExplainer {
  readonly expectedValue: number;
  private readonly reference: Float64Array;

  constructor(
    private readonly model: LinearModel,
    reference: ArrayLike<number>,
  ) {
    if (reference.length !== model.nFeatures) {
      throw new RangeError(`The reference has ${reference.length} values; the model has ${model.nFeatures} features.`);
    }
    this.reference = Float64Array.from(reference);
    let expected = model.intercept;
    for (let f = 0; f < model.nFeatures; f++) expected += model.coefficients[f] * this.reference[f];
    this.expectedValue = expected;
  }

  shapValues(row: FeatureRow): Float64Array {
    if (row.length !== this.model.nFeatures) {
      throw new RangeError(`The row has ${row.length} features; the model expects ${this.model.nFeatures}.`);
    }
    const phi = new Float64Array(this.model.nFeatures);
    for (let f = 0; f < phi.length; f++) {
      phi[f] = this.model.coefficients[f] * (Math.fround(row[f]) - this.reference[f]);
    }
    return phi;
  }
}

/** Column means of reference rows, the usual SHAP reference for a plan-supplied linear model. */
export function columnMeans(rows: FeatureMatrix, nFeatures: number): Float64Array {
  assertFeatureCount(rows, nFeatures);
  if (rows.length === 0) throw new RangeError('Column means need at least one row.');
  const means = new Float64Array(nFeatures);
  for (const row of rows) for (let f = 0; f < nFeatures; f++) means[f] += Math.fround(row[f]);
  return means.map((sum) => sum / rows.length);
}
