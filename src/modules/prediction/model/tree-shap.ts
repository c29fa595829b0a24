import { FeatureRow } from 'src/modules/prediction/model/feature-matrix';
import { coverFractions, ensembleExpectation } from 'src/modules/prediction/model/tree-covers';
import { DecisionTree, TreeEnsemble, goesTrue, treeDepth } from 'src/modules/prediction/model/tree-ensemble';

/** One tree as flat arrays (feature -1 on leaves) plus its cover shares. */
interface PreparedTree {
  readonly tree: DecisionTree;
  readonly feature: Int32Array;
  readonly trueChild: Int32Array;
  readonly falseChild: Int32Array;
  readonly value: Float64Array;
  readonly trueShare: Float64Array;
  readonly falseShare: Float64Array;
  /** Per node, for the row being explained: 1 when the row takes the true branch. */
  readonly hotIsTrue: Uint8Array;
}

/**
 * Exact path-dependent TreeSHAP (Lundberg, Erion & Lee 2018, Algorithm 2) in raw-score space: the
 * Shapley values of v(S) = E[f(x) | x_S], where a feature outside S sends the expectation down both
 * branches weighted by node cover. Contributions sum to rawScore(x) - expectedValue.
 *
 * One fractions on the path are products of 0/1 indicators, so they are exactly 0 or 1; the
 * unwinding below relies on that to replace divisions by one fractions with table look-ups.
 */
export class TreeShapExplainer {
  /** E[f(X)] under the covers, in raw-score space (base score included). */
  readonly expectedValue: number;
  private readonly prepared: PreparedTree[];
  private readonly feature: Int32Array;
  private readonly zero: Float64Array;
  private readonly one: Float64Array;
  private readonly weight: Float64Array;
  /** ratio[d * stride + i] = (d + 1) / (i + 1) and its companions, for path length d. */
  private readonly upRatio: Float64Array;
  private readonly downRatio: Float64Array;
  private readonly stride: number;
  private phi = new Float64Array(0);

  constructor(private readonly ensemble: TreeEnsemble) {
    this.prepared = ensemble.trees.map(prepare);
    this.expectedValue = ensembleExpectation(ensemble);
    const depth = ensemble.trees.reduce((max, tree) => Math.max(max, treeDepth(tree)), 0) + 2;
    // Each recursion level keeps its own copy of the path, as in the reference implementation.
    const size = ((depth + 1) * (depth + 2)) / 2 + depth + 1;
    this.feature = new Int32Array(size);
    this.zero = new Float64Array(size);
    this.one = new Float64Array(size);
    this.weight = new Float64Array(size);
    this.stride = depth + 1;
    this.upRatio = new Float64Array(this.stride * this.stride);
    this.downRatio = new Float64Array(this.stride * this.stride);
    for (let d = 0; d < this.stride; d++) {
      for (let i = 0; i < d; i++) {
        this.upRatio[d * this.stride + i] = (d + 1) / (i + 1);
        this.downRatio[d * this.stride + i] = (d - i) / (d + 1);
      }
    }
  }

  /** One contribution per feature, in the ensemble's raw-score units (log-odds for a logistic link). */
  shapValues(row: FeatureRow): Float64Array {
    if (row.length !== this.ensemble.nFeatures) {
      throw new RangeError(`The row has ${row.length} features; the model expects ${this.ensemble.nFeatures}.`);
    }
    this.phi = new Float64Array(this.ensemble.nFeatures);
    for (const p of this.prepared) {
      p.tree.nodes.forEach((node, index) => {
        if (node.kind === 'split') p.hotIsTrue[index] = goesTrue(node, row[node.feature]) ? 1 : 0;
      });
      this.recurse(p, 0, 0, 0, 1, 1, -1);
    }
    return this.phi;
  }

  private recurse(
    p: PreparedTree,
    node: number,
    parentStart: number,
    depthIn: number,
    zeroFraction: number,
    oneFraction: number,
    featureIndex: number,
  ): void {
    let depth = depthIn;
    const start = parentStart + depth + 1;
    for (let k = 0; k <= depth; k++) {
      this.feature[start + k] = this.feature[parentStart + k];
      this.zero[start + k] = this.zero[parentStart + k];
      this.one[start + k] = this.one[parentStart + k];
      this.weight[start + k] = this.weight[parentStart + k];
    }
    this.extend(start, depth, zeroFraction, oneFraction, featureIndex);
    const split = p.feature[node];
    if (split < 0) {
      const value = p.value[node];
      for (let i = 1; i <= depth; i++) {
        const k = start + i;
        this.phi[this.feature[k]] += this.unwoundSum(start, depth, i) * (this.one[k] - this.zero[k]) * value;
      }
      return;
    }
    const hotIsTrue = p.hotIsTrue[node] === 1;
    const [hot, cold] = hotIsTrue ? [p.trueChild[node], p.falseChild[node]] : [p.falseChild[node], p.trueChild[node]];
    const [hotShare, coldShare] = hotIsTrue ? [p.trueShare[node], p.falseShare[node]] : [p.falseShare[node], p.trueShare[node]];
    let [incomingZero, incomingOne] = [1, 1];
    // A feature already on the path is unwound and its fractions folded into this split.
    let pathIndex = 0;
    while (pathIndex <= depth && this.feature[start + pathIndex] !== split) pathIndex++;
    if (pathIndex <= depth) {
      incomingZero = this.zero[start + pathIndex];
      incomingOne = this.one[start + pathIndex];
      this.unwind(start, depth, pathIndex);
      depth -= 1;
    }
    // A branch with zero weight on both fractions contributes exactly nothing (and would divide 0 by 0).
    if (hotShare * incomingZero > 0 || incomingOne > 0) {
      this.recurse(p, hot, start, depth + 1, hotShare * incomingZero, incomingOne, split);
    }
    if (coldShare * incomingZero > 0) this.recurse(p, cold, start, depth + 1, coldShare * incomingZero, 0, split);
  }

  private extend(start: number, depth: number, zeroFraction: number, oneFraction: number, feature: number): void {
    const w = this.weight;
    this.feature[start + depth] = feature;
    this.zero[start + depth] = zeroFraction;
    this.one[start + depth] = oneFraction;
    w[start + depth] = depth === 0 ? 1 : 0;
    const scale = 1 / (depth + 1);
    for (let i = depth - 1; i >= 0; i--) {
      w[start + i + 1] += oneFraction * w[start + i] * (i + 1) * scale;
      w[start + i] = zeroFraction * w[start + i] * (depth - i) * scale;
    }
  }

  private unwind(start: number, depth: number, pathIndex: number): void {
    const w = this.weight;
    const one = this.one[start + pathIndex];
    const zero = this.zero[start + pathIndex];
    const row = depth * this.stride;
    let nextOnePortion = w[start + depth];
    for (let i = depth - 1; i >= 0; i--) {
      if (one !== 0) {
        const previous = w[start + i];
        w[start + i] = nextOnePortion * this.upRatio[row + i];
        nextOnePortion = previous - w[start + i] * zero * this.downRatio[row + i];
      } else {
        w[start + i] = w[start + i] / (zero * this.downRatio[row + i]);
      }
    }
    for (let i = pathIndex; i < depth; i++) {
      this.feature[start + i] = this.feature[start + i + 1];
      this.zero[start + i] = this.zero[start + i + 1];
      this.one[start + i] = this.one[start + i + 1];
    }
  }

  private unwoundSum(start: number, depth: number, pathIndex: number): number {
    const w = this.weight;
    const zero = this.zero[start + pathIndex];
    const row = depth * this.stride;
    let total = 0;
    if (this.one[start + pathIndex] !== 0) {
      let nextOnePortion = w[start + depth];
      for (let i = depth - 1; i >= 0; i--) {
        const tmp = nextOnePortion * this.upRatio[row + i];
        total += tmp;
        nextOnePortion = w[start + i] - tmp * zero * this.downRatio[row + i];
      }
      return total;
    }
    for (let i = depth - 1; i >= 0; i--) total += w[start + i] / this.downRatio[row + i];
    return total / zero;
  }
}

function prepare(tree: DecisionTree): PreparedTree {
  const n = tree.nodes.length;
  const prepared = {
    tree,
    feature: new Int32Array(n).fill(-1),
    trueChild: new Int32Array(n),
    falseChild: new Int32Array(n),
    value: new Float64Array(n),
    hotIsTrue: new Uint8Array(n),
    ...coverFractions(tree),
  };
  tree.nodes.forEach((node, index) => {
    if (node.kind === 'leaf') {
      prepared.value[index] = node.value;
      return;
    }
    prepared.feature[index] = node.feature;
    prepared.trueChild[index] = node.trueChild;
    prepared.falseChild[index] = node.falseChild;
  });
  return prepared;
}
