import { BinnedFeatures, MAX_BINS, binFeatures } from 'src/modules/prediction/model/feature-binning';
import { FeatureMatrix, assertBinaryLabels } from 'src/modules/prediction/model/feature-matrix';
import { SeededRandom } from 'src/modules/prediction/model/prng';
import { GrownTree, TreeBuilder, binnedLeafValue } from 'src/modules/prediction/model/tree-builder';
import { DecisionTree, TreeEnsemble, sigmoid } from 'src/modules/prediction/model/tree-ensemble';

export interface GradientBoostingOptions {
  readonly nTrees: number;
  readonly maxDepth: number;
  readonly learningRate: number;
  readonly minSamplesLeaf: number;
  /** L2 penalty on leaf values (lambda in the Newton step -G / (H + lambda)). */
  readonly l2: number;
  /** Fraction of rows drawn (without replacement, by Bernoulli trial) for each tree; 1 uses all rows. */
  readonly rowSubsample: number;
  readonly maxBins: number;
  readonly minChildWeight: number;
  readonly minGain: number;
  readonly seed: number;
}

export const DEFAULT_GRADIENT_BOOSTING_OPTIONS: GradientBoostingOptions = {
  nTrees: 200,
  maxDepth: 5,
  learningRate: 0.05,
  minSamplesLeaf: 20,
  l2: 1,
  rowSubsample: 0.8,
  maxBins: MAX_BINS,
  minChildWeight: 1e-3,
  minGain: 0,
  seed: 1,
};

/**
 * Binary gradient boosting with log-loss: starts from the prior log-odds and adds depth-limited
 * regression trees fitted by histogram split search to the gradient and hessian of the loss.
 * Deterministic for a given seed. Leaf values and the base score are float32 so the ONNX export
 * (float attributes) reproduces the in-memory model exactly.
 */
export function trainGradientBoosting(
  rows: FeatureMatrix,
  labels: ArrayLike<number>,
  overrides: Partial<GradientBoostingOptions> = {},
): TreeEnsemble {
  const options = { ...DEFAULT_GRADIENT_BOOSTING_OPTIONS, ...overrides };
  validateOptions(options);
  assertBinaryLabels(labels, rows.length);
  const binned = binFeatures(rows, options.maxBins);
  const nRows = binned.nRows;
  const baseScore = Math.fround(priorLogOdds(labels));
  const scores = new Float64Array(nRows).fill(baseScore);
  const grad = new Float64Array(nRows);
  const hess = new Float64Array(nRows);
  const sample = new Uint32Array(nRows);
  const random = new SeededRandom(options.seed);
  const builder = new TreeBuilder(binned, options);
  const trees: DecisionTree[] = [];
  const inSample = new Uint8Array(nRows);
  const { rowSubsample } = options;
  for (let t = 0; t < options.nTrees; t++) {
    let nSampled = 0;
    for (let i = 0; i < nRows; i++) {
      const taken = rowSubsample >= 1 || random.next() < rowSubsample;
      inSample[i] = taken ? 1 : 0;
      if (!taken) continue;
      sample[nSampled++] = i;
      const p = sigmoid(scores[i]);
      grad[i] = p - labels[i];
      hess[i] = Math.max(p * (1 - p), 1e-16);
    }
    const grown = builder.build(sample, nSampled, grad, hess);
    addTreeToScores(grown, binned, sample, inSample, scores);
    trees.push(grown.tree);
  }
  return { nFeatures: binned.nFeatures, baseScore, link: 'logistic', trees };
}

/** Sampled rows take their leaf from the partition; the others are routed through the tree. */
function addTreeToScores(
  grown: GrownTree,
  binned: BinnedFeatures,
  sample: Uint32Array,
  inSample: Uint8Array,
  scores: Float64Array,
): void {
  const { leafRanges, router } = grown;
  for (let k = 0; k < leafRanges.length; k += 3) {
    const value = router.value[leafRanges[k + 2]];
    for (let i = leafRanges[k]; i < leafRanges[k + 1]; i++) scores[sample[i]] += value;
  }
  for (let i = 0; i < scores.length; i++) {
    if (inSample[i] === 0) scores[i] += binnedLeafValue(router, binned, i);
  }
}

function priorLogOdds(labels: ArrayLike<number>): number {
  let positives = 0;
  for (let i = 0; i < labels.length; i++) positives += labels[i];
  const rate = Math.min(Math.max(positives / labels.length, 1e-6), 1 - 1e-6);
  return Math.log(rate / (1 - rate));
}

function validateOptions(options: GradientBoostingOptions): void {
  const rules: [boolean, string][] = [
    [Number.isInteger(options.nTrees) && options.nTrees >= 1, 'nTrees must be a positive integer'],
    [Number.isInteger(options.maxDepth) && options.maxDepth >= 0, 'maxDepth must be a non-negative integer'],
    [options.learningRate > 0 && options.learningRate <= 1, 'learningRate must be in (0, 1]'],
    [Number.isInteger(options.minSamplesLeaf) && options.minSamplesLeaf >= 1, 'minSamplesLeaf must be >= 1'],
    [options.l2 >= 0, 'l2 must be >= 0'],
    [options.rowSubsample > 0 && options.rowSubsample <= 1, 'rowSubsample must be in (0, 1]'],
    [options.minChildWeight >= 0 && options.minGain >= 0, 'minChildWeight and minGain must be >= 0'],
  ];
  const broken = rules.filter(([ok]) => !ok).map(([, message]) => message);
  if (broken.length > 0) throw new RangeError(`Invalid gradient boosting options: ${broken.join('; ')}.`);
}
