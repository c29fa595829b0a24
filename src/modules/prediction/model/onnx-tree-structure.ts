import { NodeAttributes, OnnxModelError } from 'src/modules/prediction/model/onnx-attributes';
import { DecisionTree, SplitMode, TreeNode } from 'src/modules/prediction/model/tree-ensemble';

const SPLIT_MODES = new Set<string>(Object.values(SplitMode));

/** Leaf weights keyed by tree and node id. */
export interface LeafWeights {
  readonly treeIds: readonly number[];
  readonly nodeIds: readonly number[];
  readonly weights: readonly number[];
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
  readonly hitRates: number[] | undefined;
}

/**
 * Rebuilds each tree from the flat nodes_* columns: finds its root (the one node no split points
 * to), renumbers its nodes in pre-order (true branch first) and sums the leaf weights onto leaves.
 * Covers come from nodes_hitrates when present (NaN otherwise). Trees are ordered by tree id.
 */
export function buildTrees(attributes: NodeAttributes, leaves: LeafWeights): DecisionTree[] {
  const label = attributes.label();
  const columns = readColumns(attributes);
  const byTree = new Map<number, Map<number, number>>();
  columns.treeIds.forEach((treeId, k) => {
    const nodes = byTree.get(treeId) ?? new Map<number, number>();
    if (nodes.has(columns.nodeIds[k])) throw new OnnxModelError(`${label} repeats node ${columns.nodeIds[k]} of tree ${treeId}.`);
    nodes.set(columns.nodeIds[k], k);
    byTree.set(treeId, nodes);
  });
  const leafValues = new Map<number, number>();
  leaves.treeIds.forEach((treeId, k) => {
    const column = byTree.get(treeId)?.get(leaves.nodeIds[k]);
    if (column === undefined || columns.modes[column] !== 'LEAF') {
      throw new OnnxModelError(`${label} has a leaf weight for tree ${treeId} node ${leaves.nodeIds[k]}, which is not a leaf.`);
    }
    leafValues.set(column, (leafValues.get(column) ?? 0) + leaves.weights[k]);
  });
  return [...byTree.keys()]
    .sort((a, b) => a - b)
    .map((treeId) => buildTree(label, treeId, byTree.get(treeId) ?? new Map(), columns, leafValues));
}

function buildTree(
  label: string,
  treeId: number,
  columnOf: Map<number, number>,
  columns: NodeColumns,
  leafValues: Map<number, number>,
): DecisionTree {
  const where = `${label} tree ${treeId}`;
  const child = (nodeId: number): number => {
    const column = columnOf.get(nodeId);
    if (column === undefined) throw new OnnxModelError(`${where} points to missing node ${nodeId}.`);
    return column;
  };
  const referenced = new Set<number>();
  for (const column of columnOf.values()) {
    if (columns.modes[column] === 'LEAF') continue;
    referenced.add(child(columns.trueIds[column]));
    referenced.add(child(columns.falseIds[column]));
  }
  const roots = [...columnOf.values()].filter((column) => !referenced.has(column));
  if (roots.length !== 1) throw new OnnxModelError(`${where} has ${roots.length} root nodes; expected 1.`);

  const nodes: TreeNode[] = [];
  const visited = new Set<number>();
  const visit = (column: number): number => {
    if (visited.has(column)) throw new OnnxModelError(`${where} reaches node ${columns.nodeIds[column]} twice.`);
    visited.add(column);
    const index = nodes.length;
    const cover = columns.hitRates ? columns.hitRates[column] : Number.NaN;
    const mode = columns.modes[column];
    nodes.push({ kind: 'leaf', value: leafValues.get(column) ?? 0, cover });
    if (mode === 'LEAF') return index;
    if (!SPLIT_MODES.has(mode)) throw new OnnxModelError(`${where} node ${columns.nodeIds[column]} has unknown mode ${mode}.`);
    const feature = columns.featureIds[column];
    if (feature < 0) throw new OnnxModelError(`${where} node ${columns.nodeIds[column]} splits on feature ${feature}.`);
    const trueChild = visit(child(columns.trueIds[column]));
    const falseChild = visit(child(columns.falseIds[column]));
    nodes[index] = {
      kind: 'split',
      feature,
      threshold: columns.thresholds[column],
      mode: mode as SplitMode,
      trueChild,
      falseChild,
      missingTracksTrue: columns.missingTracksTrue[column] === 1,
      cover,
    };
    return index;
  };
  visit(roots[0]);
  if (visited.size !== columnOf.size) throw new OnnxModelError(`${where} has nodes unreachable from its root.`);
  return { nodes };
}

function readColumns(attributes: NodeAttributes): NodeColumns {
  const treeIds = attributes.required('nodes_treeids', attributes.ints('nodes_treeids'));
  const n = treeIds.length;
  if (n === 0) throw new OnnxModelError(`${attributes.label()} has no nodes.`);
  const sized = <T>(name: string, values: T[] | undefined): T[] | undefined => {
    if (values !== undefined && values.length !== n) {
      throw new OnnxModelError(`${attributes.label()} has ${values.length} ${name} for ${n} nodes.`);
    }
    return values;
  };
  const ints = (name: string): number[] => attributes.required(name, sized(name, attributes.ints(name)));
  return {
    treeIds,
    nodeIds: ints('nodes_nodeids'),
    featureIds: ints('nodes_featureids'),
    modes: attributes.required('nodes_modes', sized('nodes_modes', attributes.strings('nodes_modes'))),
    thresholds: attributes.required('nodes_values', sized('nodes_values', attributes.floats('nodes_values'))),
    trueIds: ints('nodes_truenodeids'),
    falseIds: ints('nodes_falsenodeids'),
    missingTracksTrue:
      sized('nodes_missing_value_tracks_true', attributes.ints('nodes_missing_value_tracks_true')) ??
      new Array<number>(n).fill(0),
    hitRates: sized('nodes_hitrates', attributes.floats('nodes_hitrates')),
  };
}
