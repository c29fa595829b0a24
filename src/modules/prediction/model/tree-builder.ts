import { BinnedFeatures, MISSING_BIN } from 'src/modules/prediction/model/feature-binning';
import {
  Histogram,
  NodeTotals,
  SplitCandidate,
  SplitConstraints,
  createHistogram,
  fillHistogram,
  findBestSplit,
  subtractHistogram,
} from 'src/modules/prediction/model/split-histogram';
import { DecisionTree, SplitMode, TreeNode } from 'src/modules/prediction/model/tree-ensemble';

export interface TreeGrowthParams extends SplitConstraints {
  readonly maxDepth: number;
  readonly learningRate: number;
}

/** Flat per-node arrays for routing binned training rows; `feature` is -1 on leaves. */
export interface BinnedRouter {
  readonly feature: Int32Array;
  readonly bin: Int32Array;
  readonly missingLeft: Uint8Array;
  readonly trueChild: Int32Array;
  readonly falseChild: Int32Array;
  readonly value: Float64Array;
}

export interface GrownTree {
  readonly tree: DecisionTree;
  readonly router: BinnedRouter;
  /** Triples (start, end, leaf node): sampled rows rows[start..end) ended in that leaf. */
  readonly leafRanges: Int32Array;
}

/**
 * Grows one depth-limited regression tree on gradients and hessians (a Newton step per leaf),
 * depth first, building the histogram of the smaller child and deriving the larger by subtraction.
 */
export class TreeBuilder {
  private readonly pool: Histogram[] = [];
  private readonly scratch: Uint32Array;
  private nodes: TreeNode[] = [];
  private splitBins: number[] = [];
  private leafRanges: number[] = [];
  private rows: Uint32Array = new Uint32Array(0);
  private grad: Float64Array = new Float64Array(0);
  private hess: Float64Array = new Float64Array(0);

  constructor(
    private readonly binned: BinnedFeatures,
    private readonly params: TreeGrowthParams,
  ) {
    this.scratch = new Uint32Array(binned.nRows);
  }

  /** `rows[0..nRows)` are the sampled row indices; their order is changed. */
  build(rows: Uint32Array, nRows: number, grad: Float64Array, hess: Float64Array): GrownTree {
    this.rows = rows;
    this.grad = grad;
    this.hess = hess;
    this.nodes = [];
    this.splitBins = [];
    this.leafRanges = [];
    let totalGrad = 0;
    let totalHess = 0;
    for (let i = 0; i < nRows; i++) {
      totalGrad += grad[rows[i]];
      totalHess += hess[rows[i]];
    }
    const totals = { grad: totalGrad, hess: totalHess, count: nRows };
    const histogram = this.histogramFor(0, nRows, 0);
    this.grow(0, nRows, 0, histogram, totals);
    if (histogram) this.pool.push(histogram);
    return {
      tree: { nodes: this.nodes },
      router: routerFor(this.nodes, this.splitBins),
      leafRanges: Int32Array.from(this.leafRanges),
    };
  }

  private grow(start: number, end: number, depth: number, histogram: Histogram | undefined, totals: NodeTotals): number {
    const index = this.nodes.length;
    this.nodes.push({ kind: 'leaf', value: this.leafValue(totals), cover: totals.count });
    this.splitBins.push(-1);
    const split = histogram && findBestSplit(histogram, this.binned, totals, this.params);
    if (!histogram || !split) {
      this.leafRanges.push(start, end, index);
      return index;
    }

    const middle = this.partition(start, end, split);
    const left = split.left;
    const right = { grad: totals.grad - left.grad, hess: totals.hess - left.hess, count: totals.count - left.count };
    const leftIsSmaller = left.count <= right.count;
    const smaller = leftIsSmaller
      ? this.histogramFor(start, middle, depth + 1)
      : this.histogramFor(middle, end, depth + 1);
    if (smaller) subtractHistogram(histogram, smaller);
    const larger = smaller ? histogram : undefined;
    const trueChild = this.grow(start, middle, depth + 1, leftIsSmaller ? smaller : larger, left);
    const falseChild = this.grow(middle, end, depth + 1, leftIsSmaller ? larger : smaller, right);
    if (smaller) this.pool.push(smaller);

    this.splitBins[index] = split.bin;
    this.nodes[index] = {
      kind: 'split',
      feature: split.feature,
      threshold: this.binned.thresholds[split.feature][split.bin],
      mode: SplitMode.BranchLeq,
      trueChild,
      falseChild,
      missingTracksTrue: split.missingLeft,
      cover: totals.count,
    };
    return index;
  }

  /** Only nodes that may still split need a histogram: the last level is leaves by construction. */
  private histogramFor(start: number, end: number, depth: number): Histogram | undefined {
    if (depth >= this.params.maxDepth) return undefined;
    const histogram = this.pool.pop() ?? createHistogram(this.binned.nFeatures);
    fillHistogram(histogram, this.binned, this.rows, start, end, this.grad, this.hess);
    return histogram;
  }

  /** Stable partition of rows[start..end): true-branch rows first; returns the first false-branch slot. */
  private partition(start: number, end: number, split: SplitCandidate): number {
    const { bins, nFeatures } = this.binned;
    const rows = this.rows;
    const missingBin = MISSING_BIN;
    let write = start;
    let spilled = 0;
    for (let i = start; i < end; i++) {
      const row = rows[i];
      const bin = bins[row * nFeatures + split.feature];
      const goesLeft = bin === missingBin ? split.missingLeft : bin <= split.bin;
      if (goesLeft) rows[write++] = row;
      else this.scratch[spilled++] = row;
    }
    rows.set(this.scratch.subarray(0, spilled), write);
    return write;
  }

  private leafValue(totals: NodeTotals): number {
    return Math.fround((-this.params.learningRate * totals.grad) / (totals.hess + this.params.l2));
  }
}

function routerFor(nodes: readonly TreeNode[], splitBins: readonly number[]): BinnedRouter {
  const n = nodes.length;
  const router = {
    feature: new Int32Array(n).fill(-1),
    bin: Int32Array.from(splitBins),
    missingLeft: new Uint8Array(n),
    trueChild: new Int32Array(n),
    falseChild: new Int32Array(n),
    value: new Float64Array(n),
  };
  nodes.forEach((node, index) => {
    if (node.kind === 'leaf') {
      router.value[index] = node.value;
      return;
    }
    router.feature[index] = node.feature;
    router.missingLeft[index] = node.missingTracksTrue ? 1 : 0;
    router.trueChild[index] = node.trueChild;
    router.falseChild[index] = node.falseChild;
  });
  return router;
}

/** Leaf value for a training row, routed by its bins (equivalent to routing by raw values). */
export function binnedLeafValue(router: BinnedRouter, binned: BinnedFeatures, row: number): number {
  const offset = row * binned.nFeatures;
  const missingBin = MISSING_BIN;
  let index = 0;
  let feature = router.feature[0];
  while (feature >= 0) {
    const bin = binned.bins[offset + feature];
    const goesLeft = bin === missingBin ? router.missingLeft[index] === 1 : bin <= router.bin[index];
    index = goesLeft ? router.trueChild[index] : router.falseChild[index];
    feature = router.feature[index];
  }
  return router.value[index];
}
