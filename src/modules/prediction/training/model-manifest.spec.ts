import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMeasureCatalogue } from 'src/modules/measures/measure-catalogue';
import { FEATURE_LIST_VERSION, FEATURE_NAMES } from 'src/modules/members/features';
import { brierScore, rocAuc } from 'src/modules/prediction/model/metrics';
import { readOnnxModel } from 'src/modules/prediction/model/onnx-model-reader';
import { OnnxScorer } from 'src/modules/prediction/model/onnx-scorer';
import { loadModel } from 'src/modules/prediction/registry/model-loader';
import { parseManifest } from 'src/modules/prediction/registry/model-manifest';
import { pick } from 'src/modules/prediction/training/holdout-split';
import { writeModelFiles } from 'src/modules/prediction/training/model-files';
import { MAX_MODEL_VERSION_LENGTH, TrainedModelManifest } from 'src/modules/prediction/training/model-manifest';
import { smallTrainingConfig } from 'src/modules/prediction/training/testing/small-training-config';
import { runTraining, TrainedMeasure } from 'src/modules/prediction/training/training-pipeline';

jest.setTimeout(120_000);

const TOP_LEVEL_FIELDS = [
  'measure_code',
  'model_version',
  'onnx_file',
  'model_type',
  'feature_list_version',
  'feature_names',
  'training',
  'metrics',
  'risk_tier_thresholds',
];

describe('model manifest contract', () => {
  const run = runTraining(smallTrainingConfig(), loadMeasureCatalogue(2026));
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'trained-models-'));
    writeModelFiles(dir, run.measures);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const files = (trained: TrainedMeasure): { manifest: TrainedModelManifest; bytes: Uint8Array } => {
    const folder = join(dir, trained.manifest.measure_code);
    const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as TrainedModelManifest;
    return { manifest, bytes: new Uint8Array(readFileSync(join(folder, manifest.onnx_file))) };
  };
  const cases = run.measures.map((trained) => [trained.manifest.measure_code, trained] as const);

  it.each(cases)('%s: has exactly the contract’s fields, each of the right type', (code, trained) => {
    const { manifest } = files(trained);
    expect(Object.keys(manifest).sort()).toEqual([...TOP_LEVEL_FIELDS].sort());
    expect(manifest).toMatchObject({
      measure_code: code,
      model_version: `${code}-2026.2`,
      onnx_file: 'model.onnx',
      model_type: 'tree_ensemble',
      feature_list_version: FEATURE_LIST_VERSION,
      feature_names: [...FEATURE_NAMES[code]],
      risk_tier_thresholds: { medium: expect.any(Number), high: expect.any(Number), critical: expect.any(Number) },
    });
    expect(manifest.model_version.length).toBeLessThanOrEqual(MAX_MODEL_VERSION_LENGTH);
    const { training, metrics } = manifest;
    expect(training.data).toContain('synthetic, not real members');
    expect(training.population).toMatchObject({ members: 3000, seed: 42, plan: '3.5-star', star_year: 2026 });
    expect(training.rows).toBe(training.split.train_rows + training.split.holdout_rows);
    expect(training.split).toMatchObject({ holdout_fraction: 0.2, seed: 42 });
    expect(training.options.gradient_boosting).toMatchObject({ n_trees: 20, max_depth: 3, seed: expect.any(Number) });
    for (const key of ['holdout_auc', 'holdout_brier', 'baseline_auc', 'baseline_brier'] as const) {
      expect(metrics[key]).toBeGreaterThan(0);
      expect(metrics[key]).toBeLessThan(1);
    }
    expect(metrics.calibration).toHaveLength(10);
    expect(metrics.calibration.reduce((sum, bin) => sum + bin.count, 0)).toBe(training.split.holdout_rows);
  });

  it.each(cases)('%s: agrees with its ONNX file (type, width, names, version)', (_code, trained) => {
    const { manifest, bytes } = files(trained);
    const model = readOnnxModel(bytes);
    expect(model.kind).toBe('tree-ensemble');
    expect(model.nFeatures).toBe(manifest.feature_names.length);
    expect(JSON.parse(model.metadata.feature_names)).toEqual(manifest.feature_names);
    expect(model.metadata).toMatchObject({
      model_version: manifest.model_version,
      measure_code: manifest.measure_code,
      feature_list_version: manifest.feature_list_version,
    });
    if (model.kind === 'tree-ensemble') {
      expect(model.ensemble.trees).toHaveLength(manifest.training.options.gradient_boosting.n_trees);
      expect(model.coverSource).toBe('model');
    }
  });

  it.each(cases)('%s: onnxruntime reproduces the holdout metrics the manifest reports', async (_code, trained) => {
    const { manifest, bytes } = files(trained);
    const { result } = trained;
    const scorer = await OnnxScorer.create(bytes);
    const probabilities = await scorer.predictProbabilities(pick(result.dataset.rows, result.split.holdout));
    await scorer.release();
    const labels = pick(result.dataset.labels, result.split.holdout);
    expect(rocAuc(labels, probabilities)).toBeCloseTo(manifest.metrics.holdout_auc, 4);
    expect(brierScore(labels, probabilities)).toBeCloseTo(manifest.metrics.holdout_brier, 5);
  });

  it.each(cases)('%s: is accepted and served by the model registry', async (code, trained) => {
    expect(() => parseManifest(files(trained).manifest)).not.toThrow();
    const loaded = await loadModel(dir, code);
    expect(loaded.manifest.model_version).toBe(`${code}-2026.2`);
    await loaded.scorer.release();
  });
});
