import { SeededRandom } from 'src/modules/prediction/model/prng';
import { DecisionTree, SplitMode, TreeEnsemble, TreeNode } from 'src/modules/prediction/model/tree-ensemble';

const MODES = Object.values(SplitMode);

/**
 * Random trees over small integer thresholds, every split mode, missing-value tracks, repeated
 * features on a path and consistent integer covers: the awkward cases for TreeSHAP.
 */
export function randomEnsemble(random: SeededRandom, nFeatures: number, nTrees: number, maxDepth: number): TreeEnsemble {
  const trees = Array.from({ length: nTrees }, () => randomTree(random, nFeatures, maxDepth));
  return { nFeatures, baseScore: Math.fround(random.nextGaussian()), link: 'logistic', trees };
}

export function randomTree(random: SeededRandom, nFeatures: number, maxDepth: number): DecisionTree {
  const nodes: TreeNode[] = [];
  const grow = (depth: number): number => {
    const index = nodes.length;
    nodes.push({ kind: 'leaf', value: Math.fround(random.nextGaussian()), cover: 1 + random.nextInt(30) });
    if (depth === maxDepth || (depth > 0 && random.next() < 0.2)) return index;
    const trueChild = grow(depth + 1);
    const falseChild = grow(depth + 1);
    nodes[index] = {
      kind: 'split',
      feature: random.nextInt(nFeatures),
      threshold: random.nextInt(4) + (random.next() < 0.5 ? 0.5 : 0),
      mode: MODES[random.nextInt(MODES.length)],
      trueChild,
      falseChild,
      missingTracksTrue: random.next() < 0.5,
      cover: nodes[trueChild].cover + nodes[falseChild].cover,
    };
    return index;
  };
  grow(0);
  return { nodes };
}

/** Values on the same small grid as the thresholds, with some missing. */
export function randomRow(random: SeededRandom, nFeatures: number): Float64Array {
  return Float64Array.from({ length: nFeatures }, () => (random.next() < 0.1 ? Number.NaN : random.nextInt(5) - 0.5 * random.nextInt(2)));
}

/** Splits on feature 0 in a chain `depth` deep: each split's true child a leaf, its false child the next split. */
export function chainEnsemble(depth: number): TreeEnsemble {
  const nodes: TreeNode[] = [];
  for (let d = 0; d < depth; d++) {
    const index = nodes.length;
    nodes.push(
      { kind: 'split', feature: 0, threshold: d, mode: SplitMode.BranchLeq, trueChild: index + 1, falseChild: index + 2, missingTracksTrue: false, cover: depth - d + 1 },
      { kind: 'leaf', value: d, cover: 1 },
    );
  }
  nodes.push({ kind: 'leaf', value: -1, cover: 1 });
  return { nFeatures: 1, baseScore: 0, link: 'logistic', trees: [{ nodes }] };
}
