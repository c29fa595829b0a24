import { onnx } from 'onnx-proto';
import { trainGradientBoosting } from 'src/modules/prediction/model/gradient-boosting';
import { trainLogisticRegression } from 'src/modules/prediction/model/logistic-regression';
import { OnnxModelError } from 'src/modules/prediction/model/onnx-attributes';
import { floatsAttribute, intAttribute, intsAttribute, stringAttribute, stringsAttribute } from 'src/modules/prediction/model/onnx-builders';
import { exportLinearModelToOnnx, exportTreeEnsembleToOnnx } from 'src/modules/prediction/model/onnx-export';
import { OnnxModel, readOnnxModel } from 'src/modules/prediction/model/onnx-model-reader';
import * as plan from 'src/modules/prediction/model/testing/onnx-test-models';
import { syntheticClassification } from 'src/modules/prediction/model/testing/synthetic-classification';
import { SplitMode } from 'src/modules/prediction/model/tree-ensemble';

function trees(model: OnnxModel) {
  if (model.kind !== 'tree-ensemble') throw new Error('expected a tree ensemble');
  return model;
}

function linear(model: OnnxModel) {
  if (model.kind !== 'linear') throw new Error('expected a linear model');
  return model;
}

describe(readOnnxModel.name, () => {
  const data = syntheticClassification({ nRows: 3000, nFeatures: 6, seed: 40, missingRate: 0.1 });

  it('reads back an exported ensemble exactly, with its covers and io names', () => {
    const ensemble = trainGradientBoosting(data.rows, data.labels, { nTrees: 20, maxDepth: 4, seed: 40 });
    const model = trees(readOnnxModel(exportTreeEnsembleToOnnx(ensemble, { metadata: { model_version: '3' } })));
    expect(model.ensemble).toEqual(ensemble);
    expect(model.coverSource).toBe('model');
    expect(model.operator).toBe('TreeEnsembleClassifier');
    expect(model.io).toEqual({ inputName: 'features', outputName: 'probabilities', outputColumn: 1 });
    expect(model.metadata.model_version).toBe('3');
  });

  it('reads back an exported logistic regression exactly', () => {
    const clean = syntheticClassification({ nRows: 2000, nFeatures: 6, seed: 41 });
    const fitted = trainLogisticRegression(clean.rows, clean.labels);
    const model = linear(readOnnxModel(exportLinearModelToOnnx(fitted)));
    expect(model.model).toEqual({ nFeatures: 6, coefficients: fitted.coefficients, intercept: fitted.intercept, link: 'logistic' });
  });

  it('renumbers an XGBoost-style tree in pre-order and keeps modes and missing-value tracks', () => {
    const model = trees(readOnnxModel(plan.xgboostStyleClassifier()));
    expect(model.coverSource).toBe('uniform');
    expect(model.ensemble.baseScore).toBeCloseTo(-0.3, 6);
    const [first, second] = model.ensemble.trees;
    expect(first.nodes.map((n) => (n.kind === 'leaf' ? n.value : n.feature))).toEqual([
      0, 2, Math.fround(-0.4), Math.fround(0.3), Math.fround(0.8),
    ]);
    expect(first.nodes[0]).toMatchObject({ mode: SplitMode.BranchLt, threshold: 0.5, missingTracksTrue: true, trueChild: 1, falseChild: 4 });
    expect(first.nodes.map((n) => n.cover)).toEqual([1, 0.5, 0.25, 0.25, 0.5]);
    expect(second.nodes[0]).toMatchObject({ feature: 1, threshold: -0.25 });
  });

  it('reads a forest as class-1 weights with an identity link and replaces placeholder hit rates', () => {
    const model = trees(readOnnxModel(plan.forestStyleClassifier()));
    expect(model.ensemble.link).toBe('identity');
    expect(model.ensemble.baseScore).toBe(0);
    expect(model.coverSource).toBe('uniform');
    expect(model.ensemble.trees[0].nodes.map((n) => (n.kind === 'leaf' ? n.value : null))).toEqual([
      null, Math.fround(0.05), Math.fround(0.4),
    ]);
  });

  it('reads a regressor followed by Sigmoid, thresholds from a tensor attribute, covers from hit rates', () => {
    const model = trees(readOnnxModel(plan.regressorModel({ sigmoid: true, average: false })));
    expect(model.ensemble.link).toBe('logistic');
    expect(model.coverSource).toBe('model');
    expect(model.io).toEqual({ inputName: 'X', outputName: 'variable', outputColumn: 0 });
    expect(model.ensemble.trees[0].nodes[2]).toMatchObject({ kind: 'split', threshold: 2.5, cover: 70 });
    const averaged = trees(readOnnxModel(plan.regressorModel({ sigmoid: false, average: true })));
    expect(averaged.ensemble.link).toBe('identity');
    expect(averaged.ensemble.trees[1].nodes[0]).toMatchObject({ kind: 'leaf', value: Math.fround(0.1) / 2 });
  });

  it('reads MatMul/Add/Sigmoid graphs in either operand order, and without Add', () => {
    for (const bytes of [plan.matMulSigmoidModel({ withAdd: true }), plan.matMulSigmoidModel({ withAdd: true, biasFirst: true })]) {
      const model = linear(readOnnxModel(bytes));
      expect(Array.from(model.model.coefficients)).toEqual([0.7, -1.1, 0.25].map(Math.fround));
      expect(model.model.intercept).toBe(Math.fround(-0.4));
      expect(model.operator).toBe('MatMul/Add/Sigmoid');
      expect(model.io.outputColumn).toBe(0);
    }
    expect(linear(readOnnxModel(plan.matMulSigmoidModel({ withAdd: false }))).model.intercept).toBe(0);
  });

  it('takes the positive row of a two-row LinearClassifier', () => {
    const model = linear(readOnnxModel(plan.twoRowLinearClassifier()));
    expect(Array.from(model.model.coefficients)).toEqual([0.5, -0.8].map(Math.fround));
    expect(model.model.intercept).toBe(Math.fround(-0.3));
  });

  const xgb = (replace: onnx.IAttributeProto[], remove: string[] = []) =>
    plan.treeClassifierModel(plan.xgboostAttributes(replace, remove), 3);
  const zipMap: onnx.INodeProto = { opType: 'ZipMap', domain: 'ai.onnx.ml', input: ['probabilities'], output: ['map'] };
  const scaler: onnx.INodeProto = { opType: 'Scaler', domain: 'ai.onnx.ml', input: ['X'], output: ['scaled'], attribute: [floatsAttribute('scale', [1, 1, 1])] };

  it.each<[string, Uint8Array, RegExp]>([
    ['bytes that are not ONNX', new Uint8Array([0xff, 0xff, 0xff, 0x0f]), /Not an ONNX model/],
    ['a graph without nodes', plan.buildTestModel({ nodes: [], nFeatures: 3, outputs: [] }), /no graph nodes/],
    ['probabilities behind ZipMap', plan.treeClassifierModel(plan.xgboostAttributes(), 3, {
      nodes: [plan.mlNode('TreeEnsembleClassifier', ['X'], ['label', 'probabilities'], plan.xgboostAttributes()), zipMap],
      outputs: [plan.labelOutput(), { name: 'map' }],
    }), /consumed by ZipMap\); export probabilities as a tensor/],
    ['a second input', plan.treeClassifierModel(plan.xgboostAttributes(), 3, { extraInputs: [plan.floatOutput('Y', 3)] }), /2 inputs/],
    ['a Scaler in front of the trees', plan.treeClassifierModel(plan.xgboostAttributes(), 3, {
      nodes: [scaler, plan.mlNode('TreeEnsembleClassifier', ['scaled'], ['label', 'probabilities'], plan.xgboostAttributes())],
    }), /reads its features through unsupported operator Scaler/],
    ['a SOFTMAX post-transform', xgb([stringAttribute('post_transform', 'SOFTMAX')]), /post_transform SOFTMAX; only NONE and LOGISTIC/],
    ['three classes', xgb([intsAttribute('classlabels_int64s', [0, 1, 2])]), /3 class labels; only binary/],
    ['weights only on class 1', xgb([intsAttribute('class_ids', [1, 1, 1, 1, 1])]), /class_ids \{1\} with 1 base_values/],
    ['an unknown split mode', xgb([stringsAttribute('nodes_modes', ['BRANCH_XX', 'LEAF', 'BRANCH_LT', 'LEAF', 'LEAF', 'BRANCH_LT', 'LEAF', 'LEAF'])]), /tree 0 node 0 has unknown mode BRANCH_XX/],
    ['a weight on a split node', xgb([intsAttribute('class_nodeids', [0, 3, 4, 1, 2])]), /leaf weight for tree 0 node 0, which is not a leaf/],
    ['a child that does not exist', xgb([intsAttribute('nodes_falsenodeids', [9, 0, 4, 0, 0, 2, 0, 0])]), /tree 0 points to missing node 9/],
    ['two roots', xgb([intsAttribute('nodes_truenodeids', [2, 0, 3, 0, 0, 1, 0, 0])]), /tree 0 has 2 root nodes/],
    ['a cycle back to the root', xgb([intsAttribute('nodes_truenodeids', [1, 0, 0, 0, 0, 1, 0, 0])]), /tree 0 has nodes unreachable from its root/],
    ['columns of different lengths', xgb([floatsAttribute('nodes_values', [0.5])]), /1 nodes_values for 8 nodes/],
    ['a missing required attribute', xgb([], ['nodes_featureids']), /has no attribute nodes_featureids/],
    ['a feature outside the input', xgb([intsAttribute('nodes_featureids', [0, 0, 7, 0, 0, 1, 0, 0])]), /splits on feature 7 of 3/],
    ['an attribute of the wrong type', xgb([intAttribute('post_transform', 1)]), /attribute post_transform has type 2, expected 3/],
    ['a MAX regressor', plan.buildTestModel({
      nodes: [plan.mlNode('TreeEnsembleRegressor', ['X'], ['y'], [...plan.xgboostAttributes([], ['class_treeids', 'class_nodeids', 'class_ids', 'class_weights', 'classlabels_int64s', 'base_values']),
        intsAttribute('target_treeids', [0]), intsAttribute('target_nodeids', [2]), floatsAttribute('target_weights', [1]), stringAttribute('aggregate_function', 'MAX')])],
      nFeatures: 3, outputs: [plan.floatOutput('y', 1)],
    }), /aggregate_function MAX; only SUM and AVERAGE/],
    ['an unsupported operator', plan.buildTestModel({ nodes: [{ opType: 'Relu', input: ['X'], output: ['y'] }], nFeatures: 3, outputs: [plan.floatOutput('y', 3)] }), /No supported model found \(operators: Relu\)/],
    ['Gemm in front of Sigmoid', plan.buildTestModel({
      nodes: [{ opType: 'Gemm', input: ['X', 'W'], output: ['z'] }, { opType: 'Sigmoid', input: ['z'], output: ['p'] }], nFeatures: 3, outputs: [plan.floatOutput('p', 1)],
    }), /Sigmoid is fed by Gemm/],
    ['two scoring operators', plan.buildTestModel({
      nodes: [plan.mlNode('TreeEnsembleClassifier', ['X'], ['l1', 'p1'], plan.xgboostAttributes()), plan.mlNode('LinearClassifier', ['X'], ['l2', 'p2'], plan.twoRowLinearAttributes())],
      nFeatures: 3, outputs: [plan.floatOutput('p1', 2), plan.floatOutput('p2', 2)],
    }), /2 scoring operators/],
  ])('fails with a clear error on %s', (_name, bytes, message) => {
    expect(() => readOnnxModel(bytes)).toThrow(OnnxModelError);
    expect(() => readOnnxModel(bytes)).toThrow(message);
  });
});
