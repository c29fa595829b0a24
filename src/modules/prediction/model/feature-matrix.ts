/** One row of numeric features in model order; NaN marks a missing value. */
export type FeatureRow = Float64Array | Float32Array | readonly number[];

/** Rows of features, all of the same length. */
export type FeatureMatrix = readonly FeatureRow[];

/** The common row length; throws when the matrix is empty or ragged. */
export function featureCountOf(rows: FeatureMatrix): number {
  if (rows.length === 0) throw new RangeError('The feature matrix has no rows.');
  const nFeatures = rows[0].length;
  assertFeatureCount(rows, nFeatures);
  return nFeatures;
}

/** Throws a RangeError naming the first row whose length is not `nFeatures`. */
export function assertFeatureCount(rows: FeatureMatrix, nFeatures: number): void {
  for (let i = 0; i < rows.length; i++) {
    if (rows[i].length !== nFeatures) {
      throw new RangeError(`Row ${i} has ${rows[i].length} features; the model expects ${nFeatures}.`);
    }
  }
}

/** Labels must be 0 or 1, one per row. */
export function assertBinaryLabels(labels: ArrayLike<number>, nRows: number): void {
  if (labels.length !== nRows) {
    throw new RangeError(`There are ${labels.length} labels for ${nRows} rows.`);
  }
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] !== 0 && labels[i] !== 1) throw new RangeError(`Label ${i} is neither 0 nor 1.`);
  }
}

/** Row-major float32 copy for onnxruntime's `[batch, n_features]` input tensor. */
export function toFloat32Batch(rows: FeatureMatrix, nFeatures: number): Float32Array {
  assertFeatureCount(rows, nFeatures);
  const batch = new Float32Array(rows.length * nFeatures);
  for (let i = 0; i < rows.length; i++) batch.set(rows[i], i * nFeatures);
  return batch;
}
