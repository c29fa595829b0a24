import { performance } from 'node:perf_hooks';
import { FeatureRow } from 'src/modules/prediction/model/feature-matrix';
import { readOnnxModel } from 'src/modules/prediction/model/onnx-model-reader';
import { OnnxScorer } from 'src/modules/prediction/model/onnx-scorer';
import { createExplainer } from 'src/modules/prediction/model/shap-explainer';

/** What one model costs to serve, as the registry loads it: tabulated TreeSHAP and onnxruntime. */
export interface ServingCost {
  /** Process CPU time per explained row (wall time stretches when the machine is shared). */
  readonly shapCpuMsPerRow: number;
  readonly shapWallMsPerRow: number;
  /** One `run` of `batchSize` rows, best of three. */
  readonly batchRowsPerSecond: number;
  /** Mean wall time of a one-row `run`, the single-member request's inference step. */
  readonly singleRowMicros: number;
}

export interface ServingCostOptions {
  readonly shapRows: number;
  readonly batchSize: number;
  readonly singleRuns: number;
}

export const DEFAULT_SERVING_COST_OPTIONS: ServingCostOptions = { shapRows: 2000, batchSize: 10_000, singleRuns: 500 };

export async function measureServingCost(
  onnx: Uint8Array,
  rows: readonly FeatureRow[],
  options: ServingCostOptions = DEFAULT_SERVING_COST_OPTIONS,
): Promise<ServingCost> {
  if (rows.length === 0) throw new RangeError('Serving cost needs at least one row.');
  const model = readOnnxModel(onnx);
  const explainer = createExplainer(model);
  const cycle = (count: number): FeatureRow[] => Array.from({ length: count }, (_, i) => rows[i % rows.length]);
  const shapRows = cycle(options.shapRows);
  for (const row of shapRows.slice(0, 200)) explainer.shapValues(row);
  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  for (const row of shapRows) explainer.shapValues(row);
  const wall = performance.now() - wallBefore;
  const cpu = process.cpuUsage(cpuBefore);

  const scorer = await OnnxScorer.create(onnx, model);
  try {
    await scorer.warmUp();
    const batch = cycle(options.batchSize);
    let bestBatch = Number.POSITIVE_INFINITY;
    for (let k = 0; k < 3; k++) {
      const started = performance.now();
      await scorer.predictProbabilities(batch);
      bestBatch = Math.min(bestBatch, performance.now() - started);
    }
    const singles = cycle(options.singleRuns);
    const singleStarted = performance.now();
    for (const row of singles) await scorer.predictProbabilities([row]);
    const singleWall = performance.now() - singleStarted;
    return {
      shapCpuMsPerRow: (cpu.user + cpu.system) / 1000 / shapRows.length,
      shapWallMsPerRow: wall / shapRows.length,
      batchRowsPerSecond: (options.batchSize / bestBatch) * 1000,
      singleRowMicros: (singleWall * 1000) / singles.length,
    };
  } finally {
    await scorer.release();
  }
}
