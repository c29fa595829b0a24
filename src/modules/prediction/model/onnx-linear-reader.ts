import { onnx } from 'onnx-proto';
import { LinearModel } from 'src/modules/prediction/model/linear-model';
import { NodeAttributes, OnnxModelError, tensorDims, tensorValues } from 'src/modules/prediction/model/onnx-attributes';
import { GraphIndex } from 'src/modules/prediction/model/onnx-graph';

/**
 * A binary LinearClassifier: one coefficient row scores the positive class; with two rows, the
 * second does (onnxruntime's probabilities column 1 is post(row 1) in both cases).
 */
export function readLinearClassifierNode(node: onnx.INodeProto, declaredFeatures: number | undefined): LinearModel {
  const attributes = new NodeAttributes(node);
  const label = attributes.label();
  const labels = attributes.ints('classlabels_ints') ?? attributes.strings('classlabels_strings') ?? [];
  if (labels.length !== 2) throw new OnnxModelError(`${label} has ${labels.length} class labels; only binary models are supported.`);
  const coefficients = attributes.required('coefficients', attributes.floats('coefficients'));
  const intercepts = attributes.floats('intercepts') ?? [];
  const rows = declaredFeatures ? coefficients.length / declaredFeatures : Math.max(intercepts.length, 1);
  if (!(rows === 1 || rows === 2) || coefficients.length % rows !== 0) {
    throw new OnnxModelError(`${label} has ${coefficients.length} coefficients; expected 1 or 2 rows of features.`);
  }
  if (intercepts.length !== 0 && intercepts.length !== rows) {
    throw new OnnxModelError(`${label} has ${intercepts.length} intercepts for ${rows} coefficient rows.`);
  }
  const postTransform = attributes.string('post_transform') ?? 'NONE';
  if (postTransform !== 'NONE' && postTransform !== 'LOGISTIC') {
    throw new OnnxModelError(`${label} has post_transform ${postTransform}; only NONE and LOGISTIC are supported.`);
  }
  const nFeatures = coefficients.length / rows;
  const positive = rows - 1;
  return {
    nFeatures,
    coefficients: Float64Array.from(coefficients.slice(positive * nFeatures, (positive + 1) * nFeatures)),
    intercept: intercepts[positive] ?? 0,
    link: postTransform === 'LOGISTIC' ? 'logistic' : 'identity',
  };
}

/**
 * Sigmoid(MatMul(X, W) + B) with W of shape [F, 1] or [F] and a one-element B, both initializers;
 * the Add may be missing. Returns the model and the Sigmoid node's output name.
 */
export function readMatMulSigmoidGraph(graph: GraphIndex): { model: LinearModel; sigmoidOutput: string } {
  const sigmoids = (graph.graph.node ?? []).filter((node) => node.opType === 'Sigmoid');
  if (sigmoids.length !== 1) {
    const types = [...new Set((graph.graph.node ?? []).map((node) => node.opType))].join(', ');
    throw new OnnxModelError(
      `No supported model found (operators: ${types || 'none'}); expected TreeEnsembleClassifier, ` +
        'TreeEnsembleRegressor, LinearClassifier or MatMul/Add/Sigmoid.',
    );
  }
  const sigmoid = sigmoids[0];
  let producer = graph.producer(sigmoid.input?.[0] ?? '');
  let intercept = 0;
  if (producer?.opType === 'Add') {
    const [left, right] = producer.input ?? [];
    const biasName = graph.initializers.has(right) ? right : left;
    const bias = initializer(graph, biasName, 'Add bias');
    if (bias.length !== 1) throw new OnnxModelError(`The Add bias has ${bias.length} elements; expected 1.`);
    intercept = bias[0];
    producer = graph.producer(biasName === right ? left : right);
  }
  if (producer?.opType !== 'MatMul') {
    throw new OnnxModelError(`Sigmoid is fed by ${producer?.opType ?? 'nothing'}; expected MatMul or Add(MatMul, bias).`);
  }
  const [features, weightsName] = producer.input ?? [];
  graph.assertFedByInput(features, 'MatMul');
  const weightsTensor = graph.initializers.get(weightsName);
  const dims = weightsTensor ? tensorDims(weightsTensor) : [];
  if (!(dims.length === 1 || (dims.length === 2 && dims[1] === 1))) {
    throw new OnnxModelError(`MatMul weights have shape [${dims.join(', ')}]; expected [F, 1] or [F].`);
  }
  const weights = initializer(graph, weightsName, 'MatMul weights');
  if (graph.declaredFeatures !== undefined && weights.length !== graph.declaredFeatures) {
    throw new OnnxModelError(`MatMul has ${weights.length} weights for ${graph.declaredFeatures} input features.`);
  }
  const model: LinearModel = {
    nFeatures: weights.length,
    coefficients: Float64Array.from(weights),
    intercept,
    link: 'logistic',
  };
  return { model, sigmoidOutput: sigmoid.output?.[0] ?? '' };
}

function initializer(graph: GraphIndex, name: string, what: string): number[] {
  const tensor = graph.initializers.get(name);
  if (!tensor) throw new OnnxModelError(`${what} '${name}' is not a constant initializer.`);
  return tensorValues(tensor, what);
}
