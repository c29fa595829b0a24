import { SeededRandom } from 'src/modules/prediction/model/prng';
import { sigmoid } from 'src/modules/prediction/model/tree-ensemble';

export interface SyntheticClassification {
  readonly rows: Float64Array[];
  readonly labels: Uint8Array;
  /** The probability each label was drawn from. */
  readonly trueProbabilities: Float64Array;
}

export interface SyntheticOptions {
  readonly nRows: number;
  readonly nFeatures: number;
  readonly seed: number;
  /** Share of values set to NaN in feature 1 (0 by default). */
  readonly missingRate?: number;
}

/**
 * Test data with a known, partly non-linear signal: a linear part, a threshold step, an interaction
 * and a count-like integer feature; features past the fifth are noise.
 */
export function syntheticClassification(options: SyntheticOptions): SyntheticClassification {
  const { nRows, nFeatures, seed } = options;
  if (nFeatures < 5) throw new RangeError('syntheticClassification needs at least 5 features.');
  const random = new SeededRandom(seed);
  const rows: Float64Array[] = [];
  const labels = new Uint8Array(nRows);
  const trueProbabilities = new Float64Array(nRows);
  for (let i = 0; i < nRows; i++) {
    const row = new Float64Array(nFeatures);
    for (let f = 0; f < nFeatures; f++) row[f] = random.nextGaussian();
    row[3] = random.nextInt(6);
    row[4] = random.next() < 0.3 ? 1 : 0;
    const logit =
      -0.4 + 1.2 * row[0] - 0.8 * (row[1] > 0.5 ? 1 : 0) + 0.9 * row[2] * row[4] + 0.35 * row[3] - 0.6 * row[4];
    if (options.missingRate && random.next() < options.missingRate) row[1] = Number.NaN;
    const p = sigmoid(logit);
    trueProbabilities[i] = p;
    labels[i] = random.next() < p ? 1 : 0;
    rows.push(row);
  }
  return { rows, labels, trueProbabilities };
}
