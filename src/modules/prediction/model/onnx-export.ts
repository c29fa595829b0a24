import { onnx } from 'onnx-proto';
import { LinearModel } from 'src/modules/prediction/model/linear-model';
import {
  ML_DOMAIN,
  TensorDataType,
  batchTensor,
  encodeModel,
  floatsAttribute,
  intsAttribute,
  stringAttribute,
  stringsAttribute,
} from 'src/modules/prediction/model/onnx-builders';
import { ScoreLink, TreeEnsemble } from 'src/modules/prediction/model/tree-ensemble';

/** Names every exported model uses; a reader should still look them up, not assume them. */
export const EXPORT_INPUT_NAME = 'features';
export const EXPORT_LABEL_OUTPUT = 'label';
export const EXPORT_PROBABILITY_OUTPUT = 'probabilities';

export interface OnnxExportOptions {
  /** Stored as the `feature_names` metadata entry (JSON array) when given; must match nFeatures. */
  readonly featureNames?: readonly string[];
  readonly docString?: string;
  /** Extra metadata_props entries (e.g. model_version). */
  readonly metadata?: Readonly<Record<string, string>>;
}

/**
 * TreeEnsembleClassifier, binary: every leaf weight goes to class id 0 and base_values holds the
 * base score, which onnxruntime turns into probabilities [1 - p, p] with p = post(base + sum).
 * Node covers travel in `nodes_hitrates`, so path-dependent TreeSHAP can run on the file alone.
 */
export function exportTreeEnsembleToOnnx(ensemble: TreeEnsemble, options: OnnxExportOptions = {}): Uint8Array {
  const c = nodeColumns(ensemble);
  const attribute = [
    intsAttribute('nodes_treeids', c.treeIds),
    intsAttribute('nodes_nodeids', c.nodeIds),
    intsAttribute('nodes_featureids', c.featureIds),
    stringsAttribute('nodes_modes', c.modes),
    floatsAttribute('nodes_values', c.thresholds),
    intsAttribute('nodes_truenodeids', c.trueIds),
    intsAttribute('nodes_falsenodeids', c.falseIds),
    intsAttribute('nodes_missing_value_tracks_true', c.missingTracksTrue),
    floatsAttribute('nodes_hitrates', c.covers),
    intsAttribute('class_treeids', c.leafTreeIds),
    intsAttribute('class_nodeids', c.leafNodeIds),
    intsAttribute('class_ids', c.leafTreeIds.map(() => 0)),
    floatsAttribute('class_weights', c.leafWeights),
    intsAttribute('classlabels_int64s', [0, 1]),
    floatsAttribute('base_values', [ensemble.baseScore]),
    stringAttribute('post_transform', postTransformFor(ensemble.link)),
  ];
  return encodeClassifier('TreeEnsembleClassifier', attribute, ensemble.nFeatures, options);
}

/** LinearClassifier, binary: one coefficient row scores the positive class. */
export function exportLinearModelToOnnx(model: LinearModel, options: OnnxExportOptions = {}): Uint8Array {
  const attribute = [
    floatsAttribute('coefficients', model.coefficients),
    floatsAttribute('intercepts', [model.intercept]),
    intsAttribute('classlabels_ints', [0, 1]),
    stringAttribute('post_transform', postTransformFor(model.link)),
  ];
  return encodeClassifier('LinearClassifier', attribute, model.nFeatures, options);
}

function encodeClassifier(
  opType: string,
  attribute: onnx.IAttributeProto[],
  nFeatures: number,
  options: OnnxExportOptions,
): Uint8Array {
  const metadata: Record<string, string> = { ...options.metadata };
  if (options.featureNames) {
    if (options.featureNames.length !== nFeatures) {
      throw new RangeError(`${options.featureNames.length} feature names for a model of ${nFeatures} features.`);
    }
    metadata.feature_names = JSON.stringify(options.featureNames);
  }
  return encodeModel({
    graphName: opType,
    nodes: [
      {
        name: opType,
        opType,
        domain: ML_DOMAIN,
        input: [EXPORT_INPUT_NAME],
        output: [EXPORT_LABEL_OUTPUT, EXPORT_PROBABILITY_OUTPUT],
        attribute,
      },
    ],
    inputs: [batchTensor(EXPORT_INPUT_NAME, TensorDataType.FLOAT, [nFeatures])],
    outputs: [
      batchTensor(EXPORT_LABEL_OUTPUT, TensorDataType.INT64, []),
      batchTensor(EXPORT_PROBABILITY_OUTPUT, TensorDataType.FLOAT, [2]),
    ],
    docString: options.docString,
    metadata,
  });
}

interface NodeColumns {
  readonly treeIds: number[];
  readonly nodeIds: number[];
  readonly featureIds: number[];
  readonly modes: string[];
  readonly thresholds: number[];
  readonly trueIds: number[];
  readonly falseIds: number[];
  readonly missingTracksTrue: number[];
  readonly covers: number[];
  readonly leafTreeIds: number[];
  readonly leafNodeIds: number[];
  readonly leafWeights: number[];
}

/** Node ids are positions within a tree; leaves carry zeros in the split columns. */
function nodeColumns(ensemble: TreeEnsemble): NodeColumns {
  const c: NodeColumns = {
    treeIds: [],
    nodeIds: [],
    featureIds: [],
    modes: [],
    thresholds: [],
    trueIds: [],
    falseIds: [],
    missingTracksTrue: [],
    covers: [],
    leafTreeIds: [],
    leafNodeIds: [],
    leafWeights: [],
  };
  ensemble.trees.forEach((tree, treeId) => {
    tree.nodes.forEach((node, nodeId) => {
      c.treeIds.push(treeId);
      c.nodeIds.push(nodeId);
      c.covers.push(node.cover);
      const split = node.kind === 'split' ? node : undefined;
      c.featureIds.push(split?.feature ?? 0);
      c.modes.push(split?.mode ?? 'LEAF');
      c.thresholds.push(split?.threshold ?? 0);
      c.trueIds.push(split?.trueChild ?? 0);
      c.falseIds.push(split?.falseChild ?? 0);
      c.missingTracksTrue.push(split?.missingTracksTrue ? 1 : 0);
      if (node.kind === 'leaf') {
        c.leafTreeIds.push(treeId);
        c.leafNodeIds.push(nodeId);
        c.leafWeights.push(node.value);
      }
    });
  });
  return c;
}

function postTransformFor(link: ScoreLink): string {
  return link === 'logistic' ? 'LOGISTIC' : 'NONE';
}
