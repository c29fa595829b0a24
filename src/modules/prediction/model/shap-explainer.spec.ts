import { FastTreeShapExplainer } from 'src/modules/prediction/model/fast-tree-shap';
import { LinearShapExplainer } from 'src/modules/prediction/model/linear-shap';
import { OnnxModel } from 'src/modules/prediction/model/onnx-model-reader';
import { createExplainer, rawScore } from 'src/modules/prediction/model/shap-explainer';
import { chainEnsemble } from 'src/modules/prediction/model/testing/random-tree';
import { TreeEnsemble } from 'src/modules/prediction/model/tree-ensemble';
import { TreeShapExplainer } from 'src/modules/prediction/model/tree-shap';

const io = { inputName: 'X', outputName: 'p', outputColumn: 1 };
const treeModel = (ensemble: TreeEnsemble): OnnxModel => ({
  kind: 'tree-ensemble',
  ensemble,
  coverSource: 'model',
  io,
  nFeatures: 1,
  operator: 'TreeEnsembleClassifier',
  metadata: {},
  widthDeclared: true,
});

describe(createExplainer.name, () => {
  it('uses the tabulated explainer for ordinary trees and Algorithm 2 beyond depth 30', () => {
    expect(createExplainer(treeModel(chainEnsemble(5)))).toBeInstanceOf(FastTreeShapExplainer);
    const deep = treeModel(chainEnsemble(40));
    const explainer = createExplainer(deep);
    expect(explainer).toBeInstanceOf(TreeShapExplainer);
    const values = explainer.shapValues([39.5]);
    expect(values[0] + explainer.expectedValue).toBeCloseTo(rawScore(deep, [39.5]), 9);
  });

  it('explains a linear model against the given reference means', () => {
    const linear: OnnxModel = {
      kind: 'linear',
      model: { nFeatures: 2, coefficients: Float64Array.from([2, -1]), intercept: 0.5, link: 'logistic' },
      io,
      nFeatures: 2,
      operator: 'LinearClassifier',
      metadata: {},
    };
    const explainer = createExplainer(linear, { referenceMeans: [1, 1] });
    expect(explainer).toBeInstanceOf(LinearShapExplainer);
    expect(Array.from(explainer.shapValues([2, 3]))).toEqual([2, -2]);
    expect(explainer.expectedValue).toBe(1.5);
    expect(rawScore(linear, [2, 3])).toBe(1.5);
    expect(() => createExplainer(linear)).toThrow(/needs reference means/);
  });
});
