import { onnx } from 'onnx-proto';
import { LinearModel } from 'src/modules/prediction/model/linear-model';
import { OnnxModelError } from 'src/modules/prediction/model/onnx-attributes';
import { GraphIndex } from 'src/modules/prediction/model/onnx-graph';
import { readLinearClassifierNode, readMatMulSigmoidGraph } from 'src/modules/prediction/model/onnx-linear-reader';
import { TREE_ENSEMBLE_OPERATORS, readTreeEnsembleNode } from 'src/modules/prediction/model/onnx-tree-reader';
import { CoverSource } from 'src/modules/prediction/model/tree-covers';
import { TreeEnsemble } from 'src/modules/prediction/model/tree-ensemble';

/** Where onnxruntime's probability of the positive class is: column `outputColumn` of output `outputName`. */
export interface OnnxModelIo {
  readonly inputName: string;
  readonly outputName: string;
  readonly outputColumn: number;
}

interface OnnxModelCommon {
  readonly io: OnnxModelIo;
  readonly nFeatures: number;
  /** The operator the score was read from (TreeEnsembleClassifier, …, or MatMul/Add/Sigmoid). */
  readonly operator: string;
  readonly metadata: Readonly<Record<string, string>>;
}

export interface OnnxTreeModel extends OnnxModelCommon {
  readonly kind: 'tree-ensemble';
  readonly ensemble: TreeEnsemble;
  readonly coverSource: CoverSource;
  /**
   * False when the graph leaves its input width open: `nFeatures` is then only the highest feature a
   * split uses, plus one, and the model takes any wider row (see `withInputWidth`).
   */
  readonly widthDeclared: boolean;
}

export interface OnnxLinearModel extends OnnxModelCommon {
  readonly kind: 'linear';
  readonly model: LinearModel;
}

export type OnnxModel = OnnxTreeModel | OnnxLinearModel;

const CLASSIFIERS = ['TreeEnsembleClassifier', 'LinearClassifier'];
const SCORING_OPERATORS = [...TREE_ENSEMBLE_OPERATORS, 'LinearClassifier'];

/**
 * Reads any binary-classification ONNX model this service can score and explain: a tree ensemble
 * (TreeEnsembleClassifier / TreeEnsembleRegressor, optionally followed by Sigmoid) or a linear model
 * (LinearClassifier, or Sigmoid(MatMul(X, W) + B)). Anything else throws an OnnxModelError that
 * names the problem; the caller adds the file name.
 */
export function readOnnxModel(bytes: Uint8Array): OnnxModel {
  let decoded: onnx.ModelProto;
  try {
    decoded = onnx.ModelProto.decode(bytes);
  } catch (error) {
    throw new OnnxModelError(`Not an ONNX model: ${(error as Error).message}.`);
  }
  if (!decoded.graph || (decoded.graph.node ?? []).length === 0) throw new OnnxModelError('The ONNX model has no graph nodes.');
  const graph = new GraphIndex(decoded.graph);
  const metadata = Object.fromEntries((decoded.metadataProps ?? []).map((entry) => [entry.key ?? '', entry.value ?? '']));
  const scoring = (decoded.graph.node ?? []).filter((node) => SCORING_OPERATORS.includes(node.opType ?? ''));
  if (scoring.length > 1) {
    throw new OnnxModelError(`The graph has ${scoring.length} scoring operators; expected exactly one.`);
  }
  if (scoring.length === 0) {
    const { model, sigmoidOutput } = readMatMulSigmoidGraph(graph);
    const outputName = graph.followToOutput(sigmoidOutput, 'Sigmoid').name;
    const io = { inputName: graph.inputName, outputName, outputColumn: 0 };
    return { kind: 'linear', model, io, nFeatures: model.nFeatures, operator: 'MatMul/Add/Sigmoid', metadata };
  }

  const node = scoring[0];
  const operator = node.opType ?? '';
  graph.assertFedByInput(node.input?.[0] ?? '', operator);
  const isClassifier = CLASSIFIERS.includes(operator);
  const scoreOutput = node.output?.[isClassifier ? 1 : 0];
  if (!scoreOutput) throw new OnnxModelError(`${operator} has no ${isClassifier ? 'probabilities' : 'score'} output.`);
  const followed = graph.followToOutput(scoreOutput, `${operator} output '${scoreOutput}'`, isClassifier ? [] : ['Sigmoid']);
  const sigmoids = followed.passed.filter((type) => type === 'Sigmoid').length;
  if (sigmoids > 1) throw new OnnxModelError(`${operator} output passes through ${sigmoids} Sigmoid nodes.`);
  const io = { inputName: graph.inputName, outputName: followed.name, outputColumn: isClassifier ? 1 : 0 };

  if (operator === 'LinearClassifier') {
    const model = readLinearClassifierNode(node, graph.declaredFeatures);
    return { kind: 'linear', model, io, nFeatures: model.nFeatures, operator, metadata };
  }
  const context = { sigmoidAfter: sigmoids === 1, declaredFeatures: graph.declaredFeatures };
  const { ensemble, coverSource } = readTreeEnsembleNode(node, context);
  const widthDeclared = graph.declaredFeatures !== undefined;
  return { kind: 'tree-ensemble', ensemble, coverSource, io, nFeatures: ensemble.nFeatures, operator, metadata, widthDeclared };
}

/**
 * The model read for rows of `width` features: a tree model whose graph leaves the width open takes any
 * width its splits fit in (features it never splits on then get no contribution). Anything else must
 * already have that width. Returns undefined when the model cannot take such rows.
 */
export function withInputWidth(model: OnnxModel, width: number): OnnxModel | undefined {
  if (model.nFeatures === width) return model;
  if (model.kind !== 'tree-ensemble' || model.widthDeclared || model.nFeatures > width) return undefined;
  return { ...model, nFeatures: width, ensemble: { ...model.ensemble, nFeatures: width } };
}
