import { FeatureMatrix } from 'src/modules/prediction/model/feature-matrix';
import { DecisionTree, TreeEnsemble, TreeNode, goesTrue } from 'src/modules/prediction/model/tree-ensemble';

/**
 * Where the node covers used by path-dependent TreeSHAP come from: `model` — the file's own
 * nodes_hitrates (our exporter writes training row counts there); `data` — reference rows passed
 * down the trees; `uniform` — neither was available, so each split sends half its weight each way.
 */
export type CoverSource = 'model' | 'data' | 'uniform';

/**
 * Covers are usable when they are finite, non-negative, positive at the root, and each split's
 * cover is the sum of its children's (to float32 rounding). Placeholder hit rates such as the 1.0
 * that some converters write on every node fail this test.
 */
export function hasConsistentCovers(tree: DecisionTree): boolean {
  const nodes = tree.nodes;
  if (!(nodes[0].cover > 0)) return false;
  return nodes.every((node) => {
    if (!Number.isFinite(node.cover) || node.cover < 0) return false;
    if (node.kind === 'leaf') return true;
    const sum = nodes[node.trueChild].cover + nodes[node.falseChild].cover;
    return Math.abs(sum - node.cover) <= 1e-4 * Math.max(node.cover, 1);
  });
}

/** Root cover 1, halved at every split. */
export function withUniformCovers(tree: DecisionTree): DecisionTree {
  const covers = new Float64Array(tree.nodes.length);
  covers[0] = 1;
  // Pre-order guarantees a parent is visited before its children.
  tree.nodes.forEach((node, index) => {
    if (node.kind === 'split') {
      covers[node.trueChild] = covers[index] / 2;
      covers[node.falseChild] = covers[index] / 2;
    }
  });
  return withCovers(tree, covers);
}

/** Covers counted by passing reference rows (e.g. a sample of the training population) down each tree. */
export function withCoversFromData(ensemble: TreeEnsemble, rows: FeatureMatrix): TreeEnsemble {
  if (rows.length === 0) throw new RangeError('Covers need at least one reference row.');
  const trees = ensemble.trees.map((tree) => {
    const counts = new Float64Array(tree.nodes.length);
    for (const row of rows) {
      let node: TreeNode = tree.nodes[0];
      counts[0]++;
      while (node.kind === 'split') {
        const index = goesTrue(node, row[node.feature]) ? node.trueChild : node.falseChild;
        node = tree.nodes[index];
        counts[index]++;
      }
    }
    return withCovers(tree, counts);
  });
  return { ...ensemble, trees };
}

/**
 * Share of a split's cover that goes each way. Normalising by the children's sum (not the node's
 * own cover) keeps every split a proper distribution; a split whose children have no cover at all
 * (unreachable in the reference data) is split evenly.
 */
export function coverFractions(tree: DecisionTree): { trueShare: Float64Array; falseShare: Float64Array } {
  const trueShare = new Float64Array(tree.nodes.length);
  const falseShare = new Float64Array(tree.nodes.length);
  tree.nodes.forEach((node, index) => {
    if (node.kind === 'leaf') return;
    const onTrue = tree.nodes[node.trueChild].cover;
    const total = onTrue + tree.nodes[node.falseChild].cover;
    trueShare[index] = total > 0 ? onTrue / total : 0.5;
    falseShare[index] = 1 - trueShare[index];
  });
  return { trueShare, falseShare };
}

/** E[f(X)] under the covers: base score plus each tree's cover-weighted mean leaf value. */
export function ensembleExpectation(ensemble: TreeEnsemble): number {
  return ensemble.trees.reduce((sum, tree) => {
    const { trueShare, falseShare } = coverFractions(tree);
    const below = (index: number): number => {
      const node = tree.nodes[index];
      if (node.kind === 'leaf') return node.value;
      return trueShare[index] * below(node.trueChild) + falseShare[index] * below(node.falseChild);
    };
    return sum + below(0);
  }, ensemble.baseScore);
}

function withCovers(tree: DecisionTree, covers: Float64Array): DecisionTree {
  return { nodes: tree.nodes.map((node, index) => ({ ...node, cover: covers[index] })) };
}
