import { FeatureMatrix, assertBinaryLabels, featureCountOf } from 'src/modules/prediction/model/feature-matrix';
import { solveSymmetricPositiveDefinite } from 'src/modules/prediction/model/linear-algebra';
import { LinearModel } from 'src/modules/prediction/model/linear-model';
import { sigmoid } from 'src/modules/prediction/model/tree-ensemble';

export interface LogisticRegressionOptions {
  /** L2 penalty on the standardised coefficients (not on the intercept). */
  readonly l2: number;
  readonly maxIterations: number;
  /** Converged when no standardised coefficient moves by more than this. */
  readonly tolerance: number;
}

export const DEFAULT_LOGISTIC_REGRESSION_OPTIONS: LogisticRegressionOptions = {
  l2: 1,
  maxIterations: 50,
  tolerance: 1e-8,
};

export interface LogisticRegressionModel extends LinearModel {
  /** Training means: the reference point for linear SHAP. */
  readonly featureMeans: Float64Array;
  readonly iterations: number;
  readonly converged: boolean;
}

/**
 * Ridge-penalised logistic regression fitted by Newton–Raphson (IRLS) on standardised features,
 * returned on the original scale. IRLS is deterministic, so unlike the boosted trees it needs no seed.
 * Coefficients are rounded to float32, the precision of the ONNX export.
 */
export function trainLogisticRegression(
  rows: FeatureMatrix,
  labels: ArrayLike<number>,
  overrides: Partial<LogisticRegressionOptions> = {},
): LogisticRegressionModel {
  const options = { ...DEFAULT_LOGISTIC_REGRESSION_OPTIONS, ...overrides };
  const nFeatures = featureCountOf(rows);
  assertBinaryLabels(labels, rows.length);
  const { means, scales, design } = standardise(rows, nFeatures);
  const width = nFeatures + 1;
  const beta = new Float64Array(width);
  let iterations = 0;
  let converged = false;
  let loss = penalisedLoss(design, labels, beta, options.l2);
  while (!converged && iterations < options.maxIterations) {
    iterations++;
    const step = newtonStep(design, labels, beta, options.l2);
    // Step halving keeps every iteration a descent step even when the data are nearly separable.
    let scale = 1;
    let candidate = beta.map((value, k) => value + step[k]);
    let candidateLoss = penalisedLoss(design, labels, candidate, options.l2);
    while (candidateLoss > loss && scale > 1e-6) {
      scale /= 2;
      candidate = beta.map((value, k) => value + scale * step[k]);
      candidateLoss = penalisedLoss(design, labels, candidate, options.l2);
    }
    converged = step.every((value) => Math.abs(scale * value) < options.tolerance);
    beta.set(candidate);
    loss = candidateLoss;
  }
  const coefficients = new Float64Array(nFeatures);
  let intercept = beta[0];
  for (let f = 0; f < nFeatures; f++) {
    coefficients[f] = Math.fround(beta[f + 1] / scales[f]);
    intercept -= (beta[f + 1] / scales[f]) * means[f];
  }
  const link = 'logistic';
  return { nFeatures, coefficients, intercept: Math.fround(intercept), link, featureMeans: means, iterations, converged };
}

/** Design matrix with a leading column of ones, row-major, features centred and scaled to unit variance. */
function standardise(rows: FeatureMatrix, nFeatures: number) {
  const n = rows.length;
  const width = nFeatures + 1;
  const means = new Float64Array(nFeatures);
  const scales = new Float64Array(nFeatures);
  for (let f = 0; f < nFeatures; f++) {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const value = Math.fround(rows[i][f]);
      if (!Number.isFinite(value)) throw new RangeError(`Feature ${f} of row ${i} is not a finite number.`);
      sum += value;
    }
    means[f] = sum / n;
    let squares = 0;
    for (let i = 0; i < n; i++) squares += (Math.fround(rows[i][f]) - means[f]) ** 2;
    const sd = Math.sqrt(squares / n);
    scales[f] = sd > 1e-12 ? sd : 1;
  }
  const design = new Float64Array(n * width);
  for (let i = 0; i < n; i++) {
    design[i * width] = 1;
    for (let f = 0; f < nFeatures; f++) design[i * width + f + 1] = (Math.fround(rows[i][f]) - means[f]) / scales[f];
  }
  return { means, scales, design };
}

function newtonStep(design: Float64Array, labels: ArrayLike<number>, beta: Float64Array, l2: number): Float64Array {
  const width = beta.length;
  const gradient = new Float64Array(width);
  const hessian = new Float64Array(width * width);
  for (let i = 0; i < labels.length; i++) {
    const offset = i * width;
    const p = sigmoid(dot(design, offset, beta));
    const residual = labels[i] - p;
    const weight = p * (1 - p);
    for (let a = 0; a < width; a++) {
      const za = design[offset + a];
      gradient[a] += residual * za;
      const wa = weight * za;
      for (let b = 0; b <= a; b++) hessian[a * width + b] += wa * design[offset + b];
    }
  }
  for (let a = 0; a < width; a++) {
    for (let b = 0; b < a; b++) hessian[b * width + a] = hessian[a * width + b];
    const penalty = a === 0 ? 1e-10 : l2;
    hessian[a * width + a] += penalty;
    gradient[a] -= a === 0 ? 0 : l2 * beta[a];
  }
  return solveSymmetricPositiveDefinite(hessian, gradient);
}

function penalisedLoss(design: Float64Array, labels: ArrayLike<number>, beta: Float64Array, l2: number): number {
  const width = beta.length;
  let loss = 0;
  for (let i = 0; i < labels.length; i++) {
    const eta = dot(design, i * width, beta);
    // log(1 + e^eta) - y * eta, written to stay finite for large |eta|.
    loss += Math.max(eta, 0) + Math.log1p(Math.exp(-Math.abs(eta))) - labels[i] * eta;
  }
  for (let k = 1; k < width; k++) loss += (l2 / 2) * beta[k] * beta[k];
  return loss;
}

function dot(design: Float64Array, offset: number, beta: Float64Array): number {
  let sum = 0;
  for (let k = 0; k < beta.length; k++) sum += design[offset + k] * beta[k];
  return sum;
}
