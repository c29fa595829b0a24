import { onnx } from 'onnx-proto';
import {
  ML_DOMAIN,
  TensorDataType,
  batchTensor,
  floatsAttribute,
  intAttribute,
  intsAttribute,
  stringAttribute,
  stringsAttribute,
} from 'src/modules/prediction/model/onnx-builders';

/**
 * Hand-built ONNX models shaped like those other tools write (XGBoost and LightGBM converters,
 * skl2onnx forests and linear models, hand-written MatMul graphs), for reader and scorer tests.
 */
export interface TestGraph {
  readonly nodes: onnx.INodeProto[];
  readonly nFeatures: number;
  readonly outputs: onnx.IValueInfoProto[];
  readonly initializers?: onnx.ITensorProto[];
  readonly extraInputs?: onnx.IValueInfoProto[];
  readonly mlOpset?: number;
  /** Leave the input's width open (a named dimension), as some converters do; nFeatures is then unused. */
  readonly openWidth?: boolean;
}

export function buildTestModel(graph: TestGraph): Uint8Array {
  const model = onnx.ModelProto.create({
    irVersion: 8,
    opsetImport: [
      { domain: '', version: 13 },
      { domain: ML_DOMAIN, version: graph.mlOpset ?? 3 },
    ],
    producerName: 'test',
    graph: {
      name: 'test',
      node: graph.nodes,
      input: [graph.openWidth ? openWidthInput('X') : batchTensor('X', TensorDataType.FLOAT, [graph.nFeatures]), ...(graph.extraInputs ?? [])],
      output: graph.outputs,
      initializer: graph.initializers ?? [],
    },
  });
  return onnx.ModelProto.encode(model).finish();
}

const openWidthInput = (name: string): onnx.IValueInfoProto => ({
  name,
  type: { tensorType: { elemType: TensorDataType.FLOAT, shape: { dim: [{ dimParam: 'N' }, { dimParam: 'F' }] } } },
});

export const labelOutput = (name = 'label'): onnx.IValueInfoProto => batchTensor(name, TensorDataType.INT64, []);
export const floatOutput = (name: string, width: number): onnx.IValueInfoProto =>
  batchTensor(name, TensorDataType.FLOAT, [width]);

export function mlNode(opType: string, input: string[], output: string[], attribute: onnx.IAttributeProto[]): onnx.INodeProto {
  return { opType, domain: ML_DOMAIN, name: opType, input, output, attribute };
}

/**
 * Two trees on three features, XGBoost style: BRANCH_LT splits, missing values sent to the true
 * branch at some nodes, node ids not in pre-order, all weights on class 0, no node covers.
 */
export function xgboostStyleClassifier(): Uint8Array {
  return treeClassifierModel(xgboostAttributes(), 3);
}

/** A TreeEnsembleClassifier graph with the usual label and [N, 2] probabilities outputs. */
export function treeClassifierModel(attribute: onnx.IAttributeProto[], nFeatures: number, extra: Partial<TestGraph> = {}): Uint8Array {
  return buildTestModel({
    nodes: [mlNode('TreeEnsembleClassifier', ['X'], ['label', 'probabilities'], attribute)],
    nFeatures,
    outputs: [labelOutput(), floatOutput('probabilities', 2)],
    ...extra,
  });
}

/** The attributes of xgboostStyleClassifier, with some replaced (matched by name) or removed. */
export function xgboostAttributes(replace: onnx.IAttributeProto[] = [], remove: string[] = []): onnx.IAttributeProto[] {
  const names = new Set([...replace.map((a) => a.name), ...remove]);
  return [...xgboostBase().filter((a) => !names.has(a.name ?? '')), ...replace];
}

function xgboostBase(): onnx.IAttributeProto[] {
  return [
    intsAttribute('nodes_treeids', [0, 0, 0, 0, 0, 1, 1, 1]),
    intsAttribute('nodes_nodeids', [0, 2, 1, 3, 4, 0, 1, 2]),
    intsAttribute('nodes_featureids', [0, 0, 2, 0, 0, 1, 0, 0]),
    stringsAttribute('nodes_modes', ['BRANCH_LT', 'LEAF', 'BRANCH_LT', 'LEAF', 'LEAF', 'BRANCH_LT', 'LEAF', 'LEAF']),
    floatsAttribute('nodes_values', [0.5, 0, 1.5, 0, 0, -0.25, 0, 0]),
    intsAttribute('nodes_truenodeids', [1, 0, 3, 0, 0, 1, 0, 0]),
    intsAttribute('nodes_falsenodeids', [2, 0, 4, 0, 0, 2, 0, 0]),
    intsAttribute('nodes_missing_value_tracks_true', [1, 0, 0, 0, 0, 1, 0, 0]),
    intsAttribute('class_treeids', [0, 0, 0, 1, 1]),
    intsAttribute('class_nodeids', [2, 3, 4, 1, 2]),
    intsAttribute('class_ids', [0, 0, 0, 0, 0]),
    floatsAttribute('class_weights', [0.8, -0.4, 0.3, -0.6, 0.5]),
    intsAttribute('classlabels_int64s', [0, 1]),
    floatsAttribute('base_values', [-0.3]),
    stringAttribute('post_transform', 'LOGISTIC'),
  ];
}

/** A two-tree forest, skl2onnx style: leaf probabilities on both classes / n_trees, NONE, hit rates all 1. */
export function forestStyleClassifier(): Uint8Array {
  const attribute = [
    intsAttribute('nodes_treeids', [0, 0, 0, 1, 1, 1]),
    intsAttribute('nodes_nodeids', [0, 1, 2, 0, 1, 2]),
    intsAttribute('nodes_featureids', [1, 0, 0, 0, 0, 0]),
    stringsAttribute('nodes_modes', ['BRANCH_LEQ', 'LEAF', 'LEAF', 'BRANCH_GT', 'LEAF', 'LEAF']),
    floatsAttribute('nodes_values', [0.1, 0, 0, 1.25, 0, 0]),
    intsAttribute('nodes_truenodeids', [1, 0, 0, 1, 0, 0]),
    intsAttribute('nodes_falsenodeids', [2, 0, 0, 2, 0, 0]),
    floatsAttribute('nodes_hitrates', [1, 1, 1, 1, 1, 1]),
    intsAttribute('class_treeids', [0, 0, 0, 0, 1, 1, 1, 1]),
    intsAttribute('class_nodeids', [1, 1, 2, 2, 1, 1, 2, 2]),
    intsAttribute('class_ids', [0, 1, 0, 1, 0, 1, 0, 1]),
    floatsAttribute('class_weights', [0.45, 0.05, 0.1, 0.4, 0.3, 0.2, 0.05, 0.45]),
    intsAttribute('classlabels_int64s', [0, 1]),
    stringAttribute('post_transform', 'NONE'),
  ];
  return treeClassifierModel(attribute, 2);
}

/**
 * LightGBM-converter style: a TreeEnsembleRegressor with consistent covers, thresholds as a
 * (raw-data) tensor attribute, followed by Sigmoid; or, with `average`, an averaging regressor read as a probability.
 */
export function regressorModel(options: { sigmoid: boolean; average: boolean }): Uint8Array {
  const values = new Float32Array([0.5, 0, 2.5, 0, 0, 0]);
  const thresholds: onnx.ITensorProto = { dataType: TensorDataType.FLOAT, dims: [6], rawData: new Uint8Array(values.buffer) };
  const attribute = [
    intsAttribute('nodes_treeids', [0, 0, 0, 0, 0, 1]),
    intsAttribute('nodes_nodeids', [0, 1, 2, 3, 4, 0]),
    intsAttribute('nodes_featureids', [0, 0, 1, 0, 0, 0]),
    stringsAttribute('nodes_modes', ['BRANCH_GTE', 'LEAF', 'BRANCH_LEQ', 'LEAF', 'LEAF', 'LEAF']),
    { name: 'nodes_values_as_tensor', type: onnx.AttributeProto.AttributeType.TENSOR, t: thresholds },
    intsAttribute('nodes_truenodeids', [1, 0, 3, 0, 0, 0]),
    intsAttribute('nodes_falsenodeids', [2, 0, 4, 0, 0, 0]),
    floatsAttribute('nodes_hitrates', [100, 30, 70, 50, 20, 100]),
    intsAttribute('target_treeids', [0, 0, 0, 1]),
    intsAttribute('target_nodeids', [1, 3, 4, 0]),
    intsAttribute('target_ids', [0, 0, 0, 0]),
    floatsAttribute('target_weights', options.average ? [0.9, 0.2, 0.6, 0.1] : [1.2, -0.7, 0.4, 0.15]),
    intAttribute('n_targets', 1),
    floatsAttribute('base_values', [options.average ? 0.3 : -0.2]),
    stringAttribute('aggregate_function', options.average ? 'AVERAGE' : 'SUM'),
  ];
  const regressor = mlNode('TreeEnsembleRegressor', ['X'], [options.sigmoid ? 'score' : 'variable'], attribute);
  const nodes = options.sigmoid ? [regressor, { opType: 'Sigmoid', name: 'sigmoid', input: ['score'], output: ['variable'] }] : [regressor];
  return buildTestModel({ nodes, nFeatures: 2, outputs: [floatOutput('variable', 1)] });
}

/** Sigmoid(MatMul(X, W) + B), W as raw little-endian floats, B as float_data. */
export function matMulSigmoidModel(options: { withAdd: boolean; biasFirst?: boolean }): Uint8Array {
  const weights = new Float32Array([0.7, -1.1, 0.25]);
  const initializers: onnx.ITensorProto[] = [
    { name: 'W', dataType: TensorDataType.FLOAT, dims: [3, 1], rawData: new Uint8Array(weights.buffer) },
  ];
  const nodes: onnx.INodeProto[] = [{ opType: 'MatMul', name: 'matmul', input: ['X', 'W'], output: ['xw'] }];
  if (options.withAdd) {
    initializers.push({ name: 'B', dataType: TensorDataType.FLOAT, dims: [1], floatData: [-0.4] });
    const input = options.biasFirst ? ['B', 'xw'] : ['xw', 'B'];
    nodes.push({ opType: 'Add', name: 'add', input, output: ['logit'] });
  }
  nodes.push({ opType: 'Sigmoid', name: 'sigmoid', input: [options.withAdd ? 'logit' : 'xw'], output: ['probability'] });
  return buildTestModel({ nodes, nFeatures: 3, outputs: [floatOutput('probability', 1)], initializers });
}

/** skl2onnx LogisticRegression style: a coefficient row per class, LOGISTIC. */
export function twoRowLinearClassifier(attribute = twoRowLinearAttributes()): Uint8Array {
  return buildTestModel({
    nodes: [mlNode('LinearClassifier', ['X'], ['label', 'probabilities'], attribute)],
    nFeatures: 2,
    outputs: [labelOutput(), floatOutput('probabilities', 2)],
  });
}

export function twoRowLinearAttributes(): onnx.IAttributeProto[] {
  return [
    floatsAttribute('coefficients', [-0.5, 0.8, 0.5, -0.8]),
    floatsAttribute('intercepts', [0.3, -0.3]),
    intsAttribute('classlabels_ints', [0, 1]),
    stringAttribute('post_transform', 'LOGISTIC'),
  ];
}
