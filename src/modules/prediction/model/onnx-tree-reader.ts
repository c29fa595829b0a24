import { onnx } from 'onnx-proto';
import { NodeAttributes, OnnxModelError } from 'src/modules/prediction/model/onnx-attributes';
import { buildTrees } from 'src/modules/prediction/model/onnx-tree-structure';
import { CoverSource, hasConsistentCovers, withUniformCovers } from 'src/modules/prediction/model/tree-covers';
import { ScoreLink, TreeEnsemble } from 'src/modules/prediction/model/tree-ensemble';

export const TREE_ENSEMBLE_OPERATORS = ['TreeEnsembleClassifier', 'TreeEnsembleRegressor'];

/** What the graph around a scoring operator tells its reader. */
export interface ScoringNodeContext {
  /** The operator's score passes through a Sigmoid node before reaching the output. */
  readonly sigmoidAfter: boolean;
  /** The input's second dimension, when the graph fixes it. */
  readonly declaredFeatures: number | undefined;
}

export interface ReadTreeEnsemble {
  readonly ensemble: TreeEnsemble;
  readonly coverSource: CoverSource;
}

/** Leaf weights of the score the model's probability is built from, and the constant added to it. */
interface PositiveScore {
  readonly treeIds: number[];
  readonly nodeIds: number[];
  readonly weights: number[];
  readonly baseScore: number;
}

/**
 * Recovers the trees of a TreeEnsembleClassifier or TreeEnsembleRegressor as the raw score behind
 * the positive-class probability, in the combinations whose meaning onnxruntime makes unambiguous:
 * a binary classifier with every weight on class id 0 (p = post(base + sum), XGBoost/LightGBM
 * style) or with weights on both classes and no base values (p = post(sum for class 1), random
 * forest style); a single-target regressor, summed or averaged, optionally followed by Sigmoid.
 */
export function readTreeEnsembleNode(node: onnx.INodeProto, context: ScoringNodeContext): ReadTreeEnsemble {
  const attributes = new NodeAttributes(node);
  const isClassifier = node.opType === 'TreeEnsembleClassifier';
  const score = isClassifier ? classifierScore(attributes) : regressorScore(attributes);
  const link = linkOf(attributes, context.sigmoidAfter);
  const trees = buildTrees(attributes, score);
  const maxFeature = trees.reduce(
    (max, tree) => tree.nodes.reduce((m, n) => (n.kind === 'split' ? Math.max(m, n.feature) : m), max),
    -1,
  );
  if (context.declaredFeatures !== undefined && maxFeature >= context.declaredFeatures) {
    throw new OnnxModelError(`${attributes.label()} splits on feature ${maxFeature} of ${context.declaredFeatures}.`);
  }
  const consistent = trees.every(hasConsistentCovers);
  const ensemble: TreeEnsemble = {
    nFeatures: context.declaredFeatures ?? maxFeature + 1,
    baseScore: score.baseScore,
    link,
    trees: consistent ? trees : trees.map(withUniformCovers),
  };
  return { ensemble, coverSource: consistent ? 'model' : 'uniform' };
}

function classifierScore(attributes: NodeAttributes): PositiveScore {
  const label = attributes.label();
  const labels = attributes.ints('classlabels_int64s') ?? attributes.strings('classlabels_strings') ?? [];
  if (labels.length !== 2) throw new OnnxModelError(`${label} has ${labels.length} class labels; only binary models are supported.`);
  const treeIds = attributes.required('class_treeids', attributes.ints('class_treeids'));
  const nodeIds = attributes.required('class_nodeids', attributes.ints('class_nodeids'));
  const classIds = attributes.required('class_ids', attributes.ints('class_ids'));
  const weights = attributes.required('class_weights', attributes.floats('class_weights'));
  assertSameLength(label, 'class_', [treeIds, nodeIds, classIds, weights]);
  const base = attributes.floats('base_values') ?? [];
  const distinct = [...new Set(classIds)].sort((a, b) => a - b).join(',');
  if ((distinct === '0' || distinct === '') && base.length <= 1) {
    return { treeIds, nodeIds, weights, baseScore: base[0] ?? 0 };
  }
  if (distinct === '0,1' && base.length === 0) {
    const positive = classIds.map((id) => id === 1);
    const pick = <T>(values: T[]): T[] => values.filter((_, k) => positive[k]);
    return { treeIds: pick(treeIds), nodeIds: pick(nodeIds), weights: pick(weights), baseScore: 0 };
  }
  throw new OnnxModelError(
    `${label} has class_ids {${distinct}} with ${base.length} base_values; supported: all class_ids 0 with at ` +
      'most one base value, or class_ids {0,1} with none.',
  );
}

function regressorScore(attributes: NodeAttributes): PositiveScore {
  const label = attributes.label();
  const targets = attributes.int('n_targets') ?? 1;
  if (targets !== 1) throw new OnnxModelError(`${label} has n_targets ${targets}; only 1 is supported.`);
  const treeIds = attributes.required('target_treeids', attributes.ints('target_treeids'));
  const nodeIds = attributes.required('target_nodeids', attributes.ints('target_nodeids'));
  const targetIds = attributes.ints('target_ids') ?? treeIds.map(() => 0);
  const weights = attributes.required('target_weights', attributes.floats('target_weights'));
  assertSameLength(label, 'target_', [treeIds, nodeIds, targetIds, weights]);
  if (targetIds.some((id) => id !== 0)) throw new OnnxModelError(`${label} has target_ids other than 0.`);
  const base = attributes.floats('base_values') ?? [];
  if (base.length > 1) throw new OnnxModelError(`${label} has ${base.length} base_values; expected at most 1.`);
  const aggregate = attributes.string('aggregate_function') ?? 'SUM';
  if (aggregate === 'SUM') return { treeIds, nodeIds, weights, baseScore: base[0] ?? 0 };
  if (aggregate === 'AVERAGE') {
    const nTrees = new Set(attributes.ints('nodes_treeids') ?? []).size;
    return { treeIds, nodeIds, weights: weights.map((w) => w / nTrees), baseScore: base[0] ?? 0 };
  }
  throw new OnnxModelError(`${label} has aggregate_function ${aggregate}; only SUM and AVERAGE are additive.`);
}

function linkOf(attributes: NodeAttributes, sigmoidAfter: boolean): ScoreLink {
  const postTransform = attributes.string('post_transform') ?? 'NONE';
  if (postTransform !== 'NONE' && postTransform !== 'LOGISTIC') {
    throw new OnnxModelError(
      `${attributes.label()} has post_transform ${postTransform}; only NONE and LOGISTIC are supported.`,
    );
  }
  if (sigmoidAfter && postTransform !== 'NONE') {
    throw new OnnxModelError(`${attributes.label()} applies ${postTransform} and is followed by Sigmoid.`);
  }
  return sigmoidAfter || postTransform === 'LOGISTIC' ? 'logistic' : 'identity';
}

export function assertSameLength(label: string, prefix: string, columns: readonly unknown[][]): void {
  if (columns.some((column) => column.length !== columns[0].length)) {
    throw new OnnxModelError(`${label} has ${prefix}* attributes of different lengths.`);
  }
}
