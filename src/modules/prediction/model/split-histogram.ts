import { BIN_SLOTS, BinnedFeatures, MISSING_BIN } from 'src/modules/prediction/model/feature-binning';

/**
 * Per feature and bin slot (feature * BIN_SLOTS + bin) of one node: the gradient and hessian sums,
 * interleaved at 2 * slot and 2 * slot + 1 (one cache line per update), and the row count.
 */
export interface Histogram {
  readonly sums: Float64Array;
  readonly count: Uint32Array;
}

export interface NodeTotals {
  readonly grad: number;
  readonly hess: number;
  readonly count: number;
}

export interface SplitConstraints {
  /** L2 penalty on leaf values (lambda). */
  readonly l2: number;
  readonly minSamplesLeaf: number;
  /** Smallest hessian sum a child may have. */
  readonly minChildWeight: number;
  /** Smallest loss reduction worth a split. */
  readonly minGain: number;
}

/** Rows go to the true (left) child when bin <= `bin`; missing values go left when `missingLeft`. */
export interface SplitCandidate {
  readonly feature: number;
  readonly bin: number;
  readonly missingLeft: boolean;
  readonly gain: number;
  readonly left: NodeTotals;
}

export function createHistogram(nFeatures: number): Histogram {
  const size = nFeatures * BIN_SLOTS;
  return { sums: new Float64Array(2 * size), count: new Uint32Array(size) };
}

/**
 * Fills `into` from rows[start..end) (indices into the binned matrix). Two rows per pass: the
 * interleaved updates overlap better than one row's chain of dependent stores (~20% faster here).
 */
export function fillHistogram(
  into: Histogram,
  binned: BinnedFeatures,
  rows: Uint32Array,
  start: number,
  end: number,
  grad: Float64Array,
  hess: Float64Array,
): void {
  const { sums, count } = into;
  sums.fill(0);
  count.fill(0);
  const { bins, nFeatures } = binned;
  // Module constants are property loads in CommonJS output; keep the hot loop on locals.
  const stride = BIN_SLOTS;
  let i = start;
  for (; i + 1 < end; i += 2) {
    const first = rows[i];
    const second = rows[i + 1];
    const g1 = grad[first];
    const h1 = hess[first];
    const g2 = grad[second];
    const h2 = hess[second];
    const offset1 = first * nFeatures;
    const offset2 = second * nFeatures;
    for (let f = 0, base = 0; f < nFeatures; f++, base += stride) {
      const slot1 = base + bins[offset1 + f];
      sums[2 * slot1] += g1;
      sums[2 * slot1 + 1] += h1;
      count[slot1]++;
      const slot2 = base + bins[offset2 + f];
      sums[2 * slot2] += g2;
      sums[2 * slot2 + 1] += h2;
      count[slot2]++;
    }
  }
  if (i < end) {
    const row = rows[i];
    const offset = row * nFeatures;
    for (let f = 0, base = 0; f < nFeatures; f++, base += stride) {
      const slot = base + bins[offset + f];
      sums[2 * slot] += grad[row];
      sums[2 * slot + 1] += hess[row];
      count[slot]++;
    }
  }
}

/** parent -= child, turning the parent's histogram into the sibling's without another pass over rows. */
export function subtractHistogram(parent: Histogram, child: Histogram): void {
  for (let i = 0; i < parent.sums.length; i++) parent.sums[i] -= child.sums[i];
  for (let i = 0; i < parent.count.length; i++) parent.count[i] -= child.count[i];
}

export function leafScore(grad: number, hess: number, l2: number): number {
  return (grad * grad) / (hess + l2);
}

export function findBestSplit(
  histogram: Histogram,
  binned: BinnedFeatures,
  totals: NodeTotals,
  constraints: SplitConstraints,
): SplitCandidate | undefined {
  const { l2, minSamplesLeaf, minChildWeight } = constraints;
  const parentScore = leafScore(totals.grad, totals.hess, l2);
  let best: SplitCandidate | undefined;
  let bestGain = Math.max(constraints.minGain, 1e-12);
  for (let f = 0; f < binned.nFeatures; f++) {
    const nValueBins = binned.thresholds[f].length + 1;
    if (nValueBins < 2) continue;
    const { sums, count: counts } = histogram;
    const base = f * BIN_SLOTS;
    const missing = base + MISSING_BIN;
    const missingCount = counts[missing];
    let grad = 0;
    let hess = 0;
    let count = 0;
    for (let bin = 0; bin < nValueBins - 1; bin++) {
      grad += sums[2 * (base + bin)];
      hess += sums[2 * (base + bin) + 1];
      count += counts[base + bin];
      // Missing values go right first; left is tried only when the node has some.
      for (let side = 0; side < (missingCount > 0 ? 2 : 1); side++) {
        const leftGrad = side === 0 ? grad : grad + sums[2 * missing];
        const leftHess = side === 0 ? hess : hess + sums[2 * missing + 1];
        const leftCount = side === 0 ? count : count + missingCount;
        const rightHess = totals.hess - leftHess;
        const rightCount = totals.count - leftCount;
        if (leftCount < minSamplesLeaf || rightCount < minSamplesLeaf) continue;
        if (leftHess < minChildWeight || rightHess < minChildWeight) continue;
        const gain =
          leafScore(leftGrad, leftHess, l2) + leafScore(totals.grad - leftGrad, rightHess, l2) - parentScore;
        if (gain > bestGain) {
          bestGain = gain;
          const left = { grad: leftGrad, hess: leftHess, count: leftCount };
          best = { feature: f, bin, missingLeft: side === 1, gain, left };
        }
      }
    }
  }
  return best;
}
