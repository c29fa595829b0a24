import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MeasureCode } from 'src/modules/measures/measure-code';
import { FEATURE_LIST_VERSION, FEATURE_NAMES } from 'src/modules/members/features';
import { trainGradientBoosting } from 'src/modules/prediction/model/gradient-boosting';
import { trainLogisticRegression } from 'src/modules/prediction/model/logistic-regression';
import { exportLinearModelToOnnx, exportTreeEnsembleToOnnx } from 'src/modules/prediction/model/onnx-export';
import { sigmoid } from 'src/modules/prediction/registry/sigmoid';
import { loadModel, ModelLoadError } from 'src/modules/prediction/registry/model-loader';

const MEASURE = MeasureCode.Col;
const names = FEATURE_NAMES[MEASURE];

function trainingData(n = 400): { rows: Float64Array[]; labels: number[] } {
  let state = 7;
  const random = () => ((state = (state * 48271) % 2147483647) / 2147483647);
  const rows = Array.from({ length: n }, () => Float64Array.from(names, () => random()));
  const labels = rows.map((row) => (row[0] + 0.3 * random() > 0.65 ? 1 : 0));
  return { rows, labels };
}

describe(loadModel.name, () => {
  let dir: string;
  const manifest = (overrides: Record<string, unknown> = {}) => ({
    measure_code: MEASURE,
    model_version: 'COL-test.1',
    onnx_file: 'model.onnx',
    model_type: 'tree_ensemble',
    feature_list_version: FEATURE_LIST_VERSION,
    feature_names: [...names],
    risk_tier_thresholds: { medium: 0.3, high: 0.6, critical: 0.85 },
    ...overrides,
  });
  const write = (content: unknown, onnx?: Uint8Array) => {
    mkdirSync(join(dir, MEASURE), { recursive: true });
    writeFileSync(join(dir, MEASURE, 'manifest.json'), typeof content === 'string' ? content : JSON.stringify(content));
    if (onnx) writeFileSync(join(dir, MEASURE, 'model.onnx'), onnx);
  };
  const { rows, labels } = trainingData();
  const trees = exportTreeEnsembleToOnnx(trainGradientBoosting(rows, labels, { nTrees: 10, maxDepth: 3, seed: 3 }));

  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'models-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loads a tree model whose explanation adds up to onnxruntime’s probability', async () => {
    write(manifest(), trees);
    const loaded = await loadModel(dir, MEASURE);
    const [probability] = await loaded.scorer.predictProbabilities([rows[0]]);
    const contributions = loaded.explainer.shapValues(rows[0]);
    const raw = loaded.explainer.expectedValue + contributions.reduce((sum, c) => sum + c, 0);
    expect(sigmoid(raw)).toBeCloseTo(probability, 5);
    expect(Array.from(loaded.columns)).toEqual(names.map((_, i) => i));
    await loaded.scorer.release();
  });

  it('loads a linear model with its reference means, mapping columns by name', async () => {
    const reversed = [...names].reverse();
    const reorderedRows = rows.map((row) => Float64Array.from(row).reverse());
    const model = trainLogisticRegression(reorderedRows, labels);
    write(manifest({ model_type: 'linear', feature_names: reversed, reference_means: Array.from(model.featureMeans) }), exportLinearModelToOnnx(model));
    const loaded = await loadModel(dir, MEASURE);
    expect(loaded.columns[0]).toBe(names.length - 1);
    await loaded.scorer.release();
  });

  it.each<[string, () => void, RegExp]>([
    ['a missing manifest', () => undefined, /manifest\.json: file not found/],
    ['a manifest that is not JSON', () => write('{ nope'), /manifest\.json: not valid JSON/],
    ['a manifest without thresholds', () => write({ ...manifest(), risk_tier_thresholds: undefined }, trees), /risk_tier_thresholds/],
    ['thresholds out of order', () => write(manifest({ risk_tier_thresholds: { medium: 0.7, high: 0.6, critical: 0.9 } }), trees), /medium < high < critical/],
    ['another measure’s manifest', () => write(manifest({ measure_code: 'BCS' }), trees), /measure_code is BCS, expected COL/],
    ['a missing ONNX file', () => write(manifest()), /model\.onnx: file not found/],
    ['a file that is not ONNX', () => write(manifest(), new Uint8Array([1, 2, 3, 4])), /model\.onnx/],
    ['the wrong model type', () => write(manifest({ model_type: 'linear', reference_means: names.map(() => 0) }), trees), /says linear but the file holds a tree_ensemble/],
    ['too few feature names', () => write(manifest({ feature_names: names.slice(1) }), trees), /takes \d+ features but the manifest names/],
    ['an unknown feature', () => write(manifest({ feature_names: ['shoe_size', ...names.slice(1)] }), trees), /"shoe_size", which the COL feature builder does not produce/],
  ])('refuses %s, naming the file and the problem', async (_label, arrange, message) => {
    arrange();
    await expect(loadModel(dir, MEASURE)).rejects.toThrow(ModelLoadError);
    await expect(loadModel(dir, MEASURE)).rejects.toThrow(message);
  });
});
