export interface CalibrationBin {
  /** 0-based, in order of increasing predicted probability. */
  readonly bin: number;
  readonly count: number;
  readonly minPredicted: number;
  readonly maxPredicted: number;
  readonly meanPredicted: number;
  readonly observedRate: number;
}

/**
 * Area under the ROC curve by the rank-sum (Mann–Whitney) formula; tied scores share their
 * average rank, which counts a positive-negative tie as one half.
 */
export function rocAuc(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
  assertSameLength(labels, scores);
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let positives = 0;
  let positiveRankSum = 0;
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    while (end < order.length && scores[order[end]] === scores[order[start]]) end++;
    const averageRank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) {
      if (labels[order[k]] === 1) {
        positives++;
        positiveRankSum += averageRank;
      }
    }
    start = end;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) throw new RangeError('AUC needs both positive and negative labels.');
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Mean squared difference between predicted probability and outcome. */
export function brierScore(labels: ArrayLike<number>, probabilities: ArrayLike<number>): number {
  assertSameLength(labels, probabilities);
  let sum = 0;
  for (let i = 0; i < labels.length; i++) sum += (probabilities[i] - labels[i]) ** 2;
  return sum / labels.length;
}

/** Mean negative log-likelihood, with probabilities clipped to [1e-15, 1 - 1e-15]. */
export function logLoss(labels: ArrayLike<number>, probabilities: ArrayLike<number>): number {
  assertSameLength(labels, probabilities);
  let sum = 0;
  for (let i = 0; i < labels.length; i++) {
    const p = Math.min(Math.max(probabilities[i], 1e-15), 1 - 1e-15);
    sum -= labels[i] === 1 ? Math.log(p) : Math.log(1 - p);
  }
  return sum / labels.length;
}

/**
 * Equal-count bins (deciles by default) of rows sorted by predicted probability, each with its
 * mean prediction and observed rate. Ties are kept in input order, so the table is deterministic.
 */
export function calibrationTable(
  labels: ArrayLike<number>,
  probabilities: ArrayLike<number>,
  nBins = 10,
): CalibrationBin[] {
  assertSameLength(labels, probabilities);
  if (!Number.isInteger(nBins) || nBins < 1) throw new RangeError('nBins must be a positive integer.');
  const order = Array.from({ length: probabilities.length }, (_, i) => i).sort(
    (a, b) => probabilities[a] - probabilities[b] || a - b,
  );
  const table: CalibrationBin[] = [];
  for (let bin = 0; bin < nBins; bin++) {
    const start = Math.floor((bin * order.length) / nBins);
    const end = Math.floor(((bin + 1) * order.length) / nBins);
    if (end === start) continue;
    let predicted = 0;
    let observed = 0;
    for (let k = start; k < end; k++) {
      predicted += probabilities[order[k]];
      observed += labels[order[k]];
    }
    const count = end - start;
    table.push({
      bin,
      count,
      minPredicted: probabilities[order[start]],
      maxPredicted: probabilities[order[end - 1]],
      meanPredicted: predicted / count,
      observedRate: observed / count,
    });
  }
  return table;
}

function assertSameLength(labels: ArrayLike<number>, values: ArrayLike<number>): void {
  if (labels.length !== values.length || labels.length === 0) {
    throw new RangeError(`Expected equal, non-zero lengths; got ${labels.length} labels and ${values.length} values.`);
  }
}
