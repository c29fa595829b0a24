import { FastTreeShapExplainer } from 'src/modules/prediction/model/fast-tree-shap';
import { trainGradientBoosting } from 'src/modules/prediction/model/gradient-boosting';
import { trainLogisticRegression } from 'src/modules/prediction/model/logistic-regression';
import { exportLinearModelToOnnx, exportTreeEnsembleToOnnx } from 'src/modules/prediction/model/onnx-export';
import { readOnnxModel } from 'src/modules/prediction/model/onnx-model-reader';
import { OnnxScorer } from 'src/modules/prediction/model/onnx-scorer';
import { createExplainer, rawScore } from 'src/modules/prediction/model/shap-explainer';
import { syntheticClassification } from 'src/modules/prediction/model/testing/synthetic-classification';
import { sigmoid } from 'src/modules/prediction/model/tree-ensemble';
import { TreeShapExplainer } from 'src/modules/prediction/model/tree-shap';

const total = (values: Float64Array, expected: number): number => values.reduce((a, b) => a + b, expected);

describe(createExplainer.name, () => {
  const train = syntheticClassification({ nRows: 6000, nFeatures: 9, seed: 81, missingRate: 0.05 });
  const test = syntheticClassification({ nRows: 400, nFeatures: 9, seed: 82, missingRate: 0.05 });

  it('after train → ONNX → read back, gives TreeSHAP on the read-back trees equal to TreeSHAP on the trained trees, and onnxruntime agrees', async () => {
    const trained = trainGradientBoosting(train.rows, train.labels, { nTrees: 120, maxDepth: 5, seed: 81 });
    const bytes = exportTreeEnsembleToOnnx(trained);
    const model = readOnnxModel(bytes);
    if (model.kind !== 'tree-ensemble') throw new Error('expected trees');
    const inMemory = new TreeShapExplainer(trained);
    const readBack = new TreeShapExplainer(model.ensemble);
    const served = createExplainer(model);
    expect(served).toBeInstanceOf(FastTreeShapExplainer);
    expect(readBack.expectedValue).toBe(inMemory.expectedValue);
    const scorer = await OnnxScorer.create(bytes, model);
    const probabilities = await scorer.predictProbabilities(test.rows);
    await scorer.release();
    test.rows.forEach((row, i) => {
      const values = readBack.shapValues(row);
      expect(values).toEqual(inMemory.shapValues(row));
      const fast = served.shapValues(row);
      expect(Math.abs(total(fast, served.expectedValue) - rawScore(model, row))).toBeLessThan(1e-6);
      expect(Math.abs(sigmoid(total(values, readBack.expectedValue)) - probabilities[i])).toBeLessThan(1e-5);
    });
  });

  it('after train → ONNX → read back, does the same for a logistic regression explained against its training means', async () => {
    const clean = syntheticClassification({ nRows: 3000, nFeatures: 9, seed: 83 });
    const fitted = trainLogisticRegression(clean.rows, clean.labels);
    const bytes = exportLinearModelToOnnx(fitted);
    const model = readOnnxModel(bytes);
    expect(() => createExplainer(model)).toThrow(/needs reference means/);
    const explainer = createExplainer(model, { referenceMeans: fitted.featureMeans });
    const scorer = await OnnxScorer.create(bytes);
    const rows = clean.rows.slice(0, 300);
    const probabilities = await scorer.predictProbabilities(rows);
    await scorer.release();
    rows.forEach((row, i) => {
      const sum = total(explainer.shapValues(row), explainer.expectedValue);
      expect(Math.abs(sum - rawScore(model, row))).toBeLessThan(1e-6);
      expect(Math.abs(sigmoid(sum) - probabilities[i])).toBeLessThan(1e-5);
    });
  });
});
