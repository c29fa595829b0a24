import { FeatureMatrix, featureCountOf } from 'src/modules/prediction/model/feature-matrix';

/** Bin index reserved for missing (NaN) values; value bins are 0..MAX_BINS-1. */
export const MISSING_BIN = 255;
export const MAX_BINS = 255;
/** Histogram slots per feature: the value bins plus the missing bin. */
export const BIN_SLOTS = 256;

/**
 * Features pre-binned for histogram split search. A value lands in the first bin b with
 * `fround(x) <= thresholds[f][b]` (the last bin when none), so "bin <= b" is exactly the BRANCH_LEQ
 * test against `thresholds[f][b]`, and a split found on bins is a split on raw values.
 */
export interface BinnedFeatures {
  readonly nRows: number;
  readonly nFeatures: number;
  /** Row-major: bins[row * nFeatures + feature]. */
  readonly bins: Uint8Array;
  /** Ascending, float32-exact upper edges; a feature has thresholds.length + 1 value bins. */
  readonly thresholds: readonly Float64Array[];
}

export function binFeatures(rows: FeatureMatrix, maxBins = MAX_BINS): BinnedFeatures {
  if (!Number.isInteger(maxBins) || maxBins < 2 || maxBins > MAX_BINS) {
    throw new RangeError(`maxBins must be an integer in [2, ${MAX_BINS}].`);
  }
  const nFeatures = featureCountOf(rows);
  const nRows = rows.length;
  const bins = new Uint8Array(nRows * nFeatures);
  const thresholds: Float64Array[] = [];
  const column = new Float64Array(nRows);
  for (let f = 0; f < nFeatures; f++) {
    for (let i = 0; i < nRows; i++) column[i] = Math.fround(rows[i][f]);
    const edges = binEdges(column, maxBins);
    thresholds.push(edges);
    for (let i = 0; i < nRows; i++) bins[i * nFeatures + f] = binOf(column[i], edges);
  }
  return { nRows, nFeatures, bins, thresholds };
}

/** Binary search for the first edge >= value; NaN goes to the missing bin. */
export function binOf(value: number, edges: Float64Array): number {
  if (Number.isNaN(value)) return MISSING_BIN;
  let low = 0;
  let high = edges.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (value <= edges[mid]) high = mid;
    else low = mid + 1;
  }
  return low;
}

function binEdges(column: Float64Array, maxBins: number): Float64Array {
  const sorted = column.filter((value) => !Number.isNaN(value)).sort();
  const distinct: number[] = [];
  const counts: number[] = [];
  for (const value of sorted) {
    if (distinct.length > 0 && distinct[distinct.length - 1] === value) counts[counts.length - 1]++;
    else {
      distinct.push(value);
      counts.push(1);
    }
  }
  const edges: number[] = [];
  if (distinct.length <= maxBins) {
    for (let k = 0; k + 1 < distinct.length; k++) edges.push(edgeBetween(distinct[k], distinct[k + 1]));
    return Float64Array.from(edges);
  }
  // Equal-frequency edges: close a bin once it holds its share of the rows.
  const perBin = sorted.length / maxBins;
  let cumulative = 0;
  for (let k = 0; k + 1 < distinct.length && edges.length < maxBins - 1; k++) {
    cumulative += counts[k];
    if (cumulative >= perBin * (edges.length + 1)) edges.push(edgeBetween(distinct[k], distinct[k + 1]));
  }
  return Float64Array.from(edges);
}

/** A float32 threshold t with low <= t < high, near their midpoint. */
function edgeBetween(low: number, high: number): number {
  const mid = Math.fround(low / 2 + high / 2);
  return mid >= high || !Number.isFinite(mid) ? low : mid;
}
