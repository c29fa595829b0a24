import { tierShares } from 'src/modules/prediction/training/risk-tiers';
import { ServingCost } from 'src/modules/prediction/training/serving-cost';
import { TrainedMeasure, TrainingRun } from 'src/modules/prediction/training/training-pipeline';

const COLUMNS: Array<[string, number]> = [
  ['measure', 9],
  ['rows', 7],
  ['holdout', 8],
  ['AUC gbdt', 9],
  ['AUC base', 9],
  ['dAUC', 8],
  ['Brier gbdt', 11],
  ['Brier base', 11],
  ['cal gap', 8],
  ['train s', 8],
  ['SHAP ms', 8],
  ['ORT rows/s', 11],
  ['1-row us', 9],
  ['tiers L/M/H/C %', 16],
];

const cell = (value: string, width: number, index: number): string =>
  index === 0 ? value.padEnd(width) : value.padStart(width);

export function reportHeader(): string {
  return `${COLUMNS.map(([name, width], i) => cell(name, width, i)).join(' ')}\n`;
}

/** One line per measure; `cost` is absent when timings are off. */
export function reportLine({ result, manifest }: TrainedMeasure, cost?: ServingCost): string {
  const { model, baseline } = result;
  const shares = tierShares(result.holdoutProbabilities, result.thresholds);
  const tiers = [shares.low, shares.medium, shares.high, shares.critical].map((s) => Math.round(s * 100)).join('/');
  const delta = model.auc - baseline.auc;
  const values = [
    manifest.measure_code,
    String(result.dataset.rows.length),
    String(result.split.holdout.length),
    model.auc.toFixed(4),
    baseline.auc.toFixed(4),
    `${delta >= 0 ? '+' : ''}${delta.toFixed(4)}`,
    model.brier.toFixed(4),
    baseline.brier.toFixed(4),
    model.maxCalibrationGap.toFixed(3),
    result.trainingSeconds.toFixed(2),
    cost ? cost.shapCpuMsPerRow.toFixed(3) : '-',
    cost ? String(Math.round(cost.batchRowsPerSecond)) : '-',
    cost ? cost.singleRowMicros.toFixed(0) : '-',
    tiers,
  ];
  return `${values.map((value, i) => cell(value, COLUMNS[i][1], i)).join(' ')}\n`;
}

export function reportPreamble(run: Pick<TrainingRun, 'config'>): string {
  const { config } = run;
  const gb = config.gradientBoosting;
  return (
    `Training on a synthetic population (not real members): ${config.members} members, seed ${config.seed}, ` +
    `${config.plan} plan, Star year ${config.starYear}, holdout ${config.holdoutFraction * 100}% of members\n` +
    `Gradient boosting: ${gb.nTrees} trees, depth ${gb.maxDepth}, learning rate ${gb.learningRate}, ` +
    `min ${gb.minSamplesLeaf} rows per leaf, L2 ${gb.l2}, row subsample ${gb.rowSubsample}\n`
  );
}

/** Trailing summary: timings, sizes and the baseline gate's verdict. */
export function reportSummary(run: TrainingRun, failing: readonly TrainedMeasure[], bytes: number, out: string): string {
  const training = run.measures.reduce((sum, { result }) => sum + result.trainingSeconds, 0);
  const verdict =
    failing.length === 0
      ? `every model beats its logistic baseline's holdout AUC\n`
      : `FAILED: no better than the logistic baseline on ${failing.map((m) => m.manifest.measure_code).join(', ')}\n`;
  return (
    `population generated in ${run.generationSeconds.toFixed(1)} s; models trained in ${training.toFixed(1)} s\n` +
    `wrote ${run.measures.length} models to ${out} (${(bytes / 1024).toFixed(1)} KiB in all)\n` +
    verdict
  );
}
