import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MeasureCode } from 'src/modules/measures/measure-code';
import { FEATURE_LIST_VERSION, FEATURE_NAMES } from 'src/modules/members/features';
import { trainGradientBoosting } from 'src/modules/prediction/model/gradient-boosting';
import { trainLogisticRegression } from 'src/modules/prediction/model/logistic-regression';
import { exportLinearModelToOnnx, exportTreeEnsembleToOnnx } from 'src/modules/prediction/model/onnx-export';
import { matMulSigmoidModel, treeClassifierModel, twoRowLinearClassifier, xgboostAttributes } from 'src/modules/prediction/model/testing/onnx-test-models';
import { LoadedModel } from 'src/modules/prediction/registry/loaded-model';
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
  const ensemble = trainGradientBoosting(rows, labels, { nTrees: 10, maxDepth: 3, seed: 3 });
  // Described in its metadata as npm run train describes ours; a feature_names entry given here is written as is.
  const treesWith = (metadata: Record<string, string> = {}, featureNames: readonly string[] = names) =>
    exportTreeEnsembleToOnnx(ensemble, {
      featureNames: metadata.feature_names === undefined ? featureNames : undefined,
      metadata: { measure_code: MEASURE, model_version: 'COL-test.1', feature_list_version: FEATURE_LIST_VERSION, ...metadata },
    });
  const trees = treesWith();
  const manifestFile = () => join(dir, MEASURE, 'manifest.json');
  const onnxFile = () => join(dir, MEASURE, 'model.onnx');

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
  describe('feature list and the file’s own description', () => {
    const swapped = [names[1], names[0], ...names.slice(2)];

    it.each<[string, () => void, () => ModelLoadError]>([
      [
        'a manifest trained on another feature list version, though every name is known',
        () => write(manifest({ feature_list_version: 'features-2026.1' }), trees),
        () =>
          new ModelLoadError(
            manifestFile(),
            `feature_list_version is features-2026.1, but this service builds ${FEATURE_LIST_VERSION}; ` +
              `retrain the model on ${FEATURE_LIST_VERSION} features`,
          ),
      ],
      [
        'a file whose feature_names metadata orders the columns differently',
        () => write(manifest(), treesWith({}, swapped)),
        () =>
          new ModelLoadError(
            onnxFile(),
            `the file's feature_names metadata has "${names[1]}" at input column 0, where the manifest has "${names[0]}"`,
          ),
      ],
      [
        'a file whose feature_names metadata has another length',
        () => write(manifest(), treesWith({ feature_names: JSON.stringify(names.slice(1)) })),
        () =>
          new ModelLoadError(
            onnxFile(),
            `the file's feature_names metadata names ${names.length - 1} features, the manifest ${names.length}`,
          ),
      ],
      [
        'a file whose feature_names metadata is not a list of names',
        () => write(manifest(), treesWith({ feature_names: names.join(',') })),
        () => new ModelLoadError(onnxFile(), "the file's feature_names metadata is not a JSON array of strings"),
      ],
      [
        'a file trained on another feature list version under a re-stamped manifest',
        () => write(manifest(), treesWith({ feature_list_version: 'features-2026.1' })),
        () =>
          new ModelLoadError(
            onnxFile(),
            `the file's feature_list_version metadata is features-2026.1, the manifest's ${FEATURE_LIST_VERSION}`,
          ),
      ],
      [
        'another measure’s file',
        () => write(manifest(), treesWith({ measure_code: 'BCS' })),
        () => new ModelLoadError(onnxFile(), "the file's measure_code metadata is BCS, the manifest's COL"),
      ],
    ])('refuses %s', async (_label, arrange, expected) => {
      arrange();
      const load = loadModel(dir, MEASURE);
      await expect(load).rejects.toBeInstanceOf(ModelLoadError);
      await expect(load).rejects.toThrow(expected());
    });

    it('accepts a manifest-only new model_version over the file’s own', async () => {
      write(manifest({ model_version: 'COL-test.2' }), trees);
      const loaded = await loadModel(dir, MEASURE);
      expect(loaded.manifest.model_version).toBe('COL-test.2');
      expect(loaded.model.metadata.model_version).toBe('COL-test.1');
      await loaded.scorer.release();
    });
  });

  describe('a tree model whose graph leaves the input width open', () => {
    // Splits on its first three inputs only; the graph names no width.
    const openWidthTrees = () => treeClassifierModel(xgboostAttributes(), 0, { openWidth: true });

    it('loads when its splits fit the manifest, and explains every column the manifest names', async () => {
      const features = names.slice(0, 5);
      write(manifest({ feature_names: features }), openWidthTrees());
      const loaded = await loadModel(dir, MEASURE);
      try {
        expect(loaded.model.nFeatures).toBe(5);
        const row = [0.2, 0.9, 2, 7, -3];
        const contributions = loaded.explainer.shapValues(row);
        const [probability] = await loaded.scorer.predictProbabilities([row]);
        expect(contributions).toHaveLength(5);
        expect(Array.from(contributions.slice(3))).toEqual([0, 0]);
        const raw = loaded.explainer.expectedValue + contributions.reduce((sum, c) => sum + c, 0);
        expect(Math.abs(sigmoid(raw) - probability)).toBeLessThan(1e-6);
      } finally {
        await loaded.scorer.release();
      }
    });

    it('is refused when it splits on more features than the manifest names', async () => {
      write(manifest({ feature_names: names.slice(0, 2) }), openWidthTrees());
      await expect(loadModel(dir, MEASURE)).rejects.toThrow(`Cannot load model ${onnxFile()}: the model splits on 3 features but the manifest names 2`);
    });
  });

  describe('linear models through the loader', () => {
    // Three of COL's features, out of the builder's order, so the columns are mapped by name.
    const picked = [names[4], names[0], names[2]];
    const means = [0.4, 0.55, 0.35];
    const f32 = Math.fround;
    let loaded: LoadedModel | undefined;
    afterEach(async () => {
      await loaded?.scorer.release();
      loaded = undefined;
    });

    it.each<[string, string, () => Uint8Array, readonly string[], number[], number]>([
      ['Sigmoid(MatMul + Add)', 'MatMul/Add/Sigmoid', () => matMulSigmoidModel({ withAdd: true }), picked, [0.7, -1.1, 0.25], -0.4],
      [
        'Sigmoid(Add(bias, MatMul))',
        'MatMul/Add/Sigmoid',
        () => matMulSigmoidModel({ withAdd: true, biasFirst: true }),
        picked,
        [0.7, -1.1, 0.25],
        -0.4,
      ],
      ['a two-row LinearClassifier (skl2onnx)', 'LinearClassifier', () => twoRowLinearClassifier(), picked.slice(0, 2), [0.5, -0.8], -0.3],
      [
        'a one-row LinearClassifier (our exporter)',
        'LinearClassifier',
        () => exportLinearModelToOnnx({ nFeatures: 3, coefficients: Float64Array.of(1.3, 0.2, -0.9), intercept: 0.15, link: 'logistic' }),
        picked,
        [1.3, 0.2, -0.9],
        0.15,
      ],
    ])('scores %s, and its SHAP values plus the expected value equal the raw score', async (_label, operator, onnx, features, weights, bias) => {
      const referenceMeans = means.slice(0, features.length);
      write(manifest({ model_type: 'linear', feature_names: features, reference_means: referenceMeans }), onnx());
      loaded = await loadModel(dir, MEASURE);
      expect(loaded.model.operator).toBe(operator);
      expect(Array.from(loaded.columns)).toEqual(features.map((name) => names.indexOf(name)));

      const builderRow = Float64Array.from(names, (_, i) => 0.05 + 0.07 * i);
      const row = Array.from(loaded.columns, (column) => builderRow[column]);
      // The file holds float32 weights; onnxruntime also rounds the input to float32.
      const raw = row.reduce((sum, x, j) => sum + f32(weights[j]) * f32(x), f32(bias));
      const expectedValue = referenceMeans.reduce((sum, m, j) => sum + f32(weights[j]) * m, f32(bias));
      const contributions = loaded.explainer.shapValues(row);
      const [probability] = await loaded.scorer.predictProbabilities([row]);

      expect(loaded.explainer.expectedValue).toBeCloseTo(expectedValue, 9);
      expect(Math.abs(loaded.explainer.expectedValue + contributions.reduce((sum, c) => sum + c, 0) - raw)).toBeLessThan(1e-6);
      expect(Math.abs(probability - sigmoid(raw))).toBeLessThan(1e-6);
    });
  });
});
