import { trainGradientBoosting } from 'src/modules/prediction/model/gradient-boosting';
import { predictLinear } from 'src/modules/prediction/model/linear-model';
import { trainLogisticRegression } from 'src/modules/prediction/model/logistic-regression';
import { exportLinearModelToOnnx, exportTreeEnsembleToOnnx } from 'src/modules/prediction/model/onnx-export';
import { readOnnxModel } from 'src/modules/prediction/model/onnx-model-reader';
import { OnnxScorer } from 'src/modules/prediction/model/onnx-scorer';
import { SeededRandom } from 'src/modules/prediction/model/prng';
import { rawScore } from 'src/modules/prediction/model/shap-explainer';
import * as plan from 'src/modules/prediction/model/testing/onnx-test-models';
import { syntheticClassification } from 'src/modules/prediction/model/testing/synthetic-classification';
import { applyLink, predictEnsemble } from 'src/modules/prediction/model/tree-ensemble';

const maxAbsDifference = (a: ArrayLike<number>, b: ArrayLike<number>): number =>
  Array.from(a).reduce((worst, value, i) => Math.max(worst, Math.abs(value - b[i])), 0);

describe(OnnxScorer.name, () => {
  const scorers: OnnxScorer[] = [];
  const create = async (bytes: Uint8Array): Promise<OnnxScorer> => {
    const scorer = await OnnxScorer.create(bytes);
    scorers.push(scorer);
    return scorer;
  };
  afterAll(async () => {
    for (const scorer of scorers) await scorer.release();
  });

  const train = syntheticClassification({ nRows: 8000, nFeatures: 10, seed: 21, missingRate: 0.05 });
  const test = syntheticClassification({ nRows: 3000, nFeatures: 10, seed: 22, missingRate: 0.05 });

  it('reproduces a 200-tree, depth-5 ensemble within 1e-5, missing values included', async () => {
    const ensemble = trainGradientBoosting(train.rows, train.labels, { nTrees: 200, maxDepth: 5, seed: 21 });
    const scorer = await create(exportTreeEnsembleToOnnx(ensemble));
    const fromOnnx = await scorer.predictProbabilities(test.rows);
    expect(fromOnnx).toHaveLength(3000);
    expect(maxAbsDifference(fromOnnx, predictEnsemble(ensemble, test.rows))).toBeLessThan(1e-5);
  });

  it('reproduces a logistic regression within 1e-5', async () => {
    const clean = syntheticClassification({ nRows: 5000, nFeatures: 10, seed: 23 });
    const model = trainLogisticRegression(clean.rows, clean.labels);
    const scorer = await create(exportLinearModelToOnnx(model));
    const rows = syntheticClassification({ nRows: 2000, nFeatures: 10, seed: 24 }).rows;
    expect(maxAbsDifference(await scorer.predictProbabilities(rows), predictLinear(model, rows))).toBeLessThan(1e-5);
  });

  it.each([
    ['XGBoost-style classifier', plan.xgboostStyleClassifier()],
    ['forest-style classifier (NONE, both classes)', plan.forestStyleClassifier()],
    ['regressor followed by Sigmoid', plan.regressorModel({ sigmoid: true, average: false })],
    ['averaging regressor', plan.regressorModel({ sigmoid: false, average: true })],
    ['MatMul/Add/Sigmoid', plan.matMulSigmoidModel({ withAdd: true })],
    ['MatMul/Sigmoid without a bias', plan.matMulSigmoidModel({ withAdd: false })],
    ['two-row LinearClassifier', plan.twoRowLinearClassifier()],
  ])('agrees with the reader on a plan-supplied %s', async (_name, bytes) => {
    const model = readOnnxModel(bytes);
    const scorer = await create(bytes);
    const random = new SeededRandom(31);
    const rows = Array.from({ length: 300 }, () =>
      Array.from({ length: model.nFeatures }, () => (random.next() < 0.1 ? Number.NaN : (random.nextInt(9) - 4) * 0.5)),
    );
    const kept = model.kind === 'linear' ? rows.filter((row) => row.every((v) => !Number.isNaN(v))) : rows;
    const link = model.kind === 'linear' ? model.model.link : model.ensemble.link;
    const expected = kept.map((row) => applyLink(link, rawScore(model, row)));
    expect(maxAbsDifference(await scorer.predictProbabilities(kept), expected)).toBeLessThan(1e-6);
  });

  it('warms up, returns nothing for no rows, and checks batch sizes', async () => {
    const scorer = await create(plan.xgboostStyleClassifier());
    await expect(scorer.warmUp()).resolves.toBeUndefined();
    expect(await scorer.predictProbabilities([])).toHaveLength(0);
    await expect(scorer.predictFloat32(new Float32Array(5), 2)).rejects.toThrow(/needs 6 values, not 5/);
    await expect(scorer.predictProbabilities([[1, 2]])).rejects.toThrow(/Row 0 has 2 features; the model expects 3/);
  });
});
