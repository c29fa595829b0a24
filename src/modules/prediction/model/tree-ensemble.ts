import { FeatureMatrix, FeatureRow } from 'src/modules/prediction/model/feature-matrix';

/** The six comparison modes of ONNX `nodes_modes`; the true branch is taken when `x MODE threshold`. */
export enum SplitMode {
  BranchLeq = 'BRANCH_LEQ',
  BranchLt = 'BRANCH_LT',
  BranchGte = 'BRANCH_GTE',
  BranchGt = 'BRANCH_GT',
  BranchEq = 'BRANCH_EQ',
  BranchNeq = 'BRANCH_NEQ',
}

/** How a raw score becomes a probability: `logistic` is the sigmoid, `identity` means the score already is one. */
export type ScoreLink = 'logistic' | 'identity';

export interface SplitNode {
  readonly kind: 'split';
  readonly feature: number;
  readonly threshold: number;
  readonly mode: SplitMode;
  readonly trueChild: number;
  readonly falseChild: number;
  /** A missing (NaN) value takes the true branch; otherwise it follows the comparison, as in onnxruntime. */
  readonly missingTracksTrue: boolean;
  /** Training weight that reached the node; path-dependent TreeSHAP splits expectations by it. */
  readonly cover: number;
}

export interface LeafNode {
  readonly kind: 'leaf';
  /** Contribution to the raw score (log-odds for a logistic link). */
  readonly value: number;
  readonly cover: number;
}

export type TreeNode = SplitNode | LeafNode;

/** Nodes in pre-order, true branch first; the root is `nodes[0]`. */
export interface DecisionTree {
  readonly nodes: readonly TreeNode[];
}

/** Raw score = baseScore + the sum of one leaf value per tree. */
export interface TreeEnsemble {
  readonly nFeatures: number;
  readonly baseScore: number;
  readonly link: ScoreLink;
  readonly trees: readonly DecisionTree[];
}

/** Numeric split-mode codes, for hot loops over flat arrays (see passesSplit). */
export const SPLIT_MODE_CODES: Readonly<Record<SplitMode, number>> = {
  [SplitMode.BranchLeq]: 0,
  [SplitMode.BranchLt]: 1,
  [SplitMode.BranchGte]: 2,
  [SplitMode.BranchGt]: 3,
  [SplitMode.BranchEq]: 4,
  [SplitMode.BranchNeq]: 5,
};

/**
 * Inputs are compared as float32, the type onnxruntime scores, so an in-memory model and its ONNX
 * export take the same branch for every row.
 */
export function goesTrue(node: SplitNode, rawValue: number): boolean {
  return passesSplit(SPLIT_MODE_CODES[node.mode], Math.fround(rawValue), node.threshold, node.missingTracksTrue);
}

/** The split test on a value already rounded to float32; NaN follows the comparison unless tracked true. */
export function passesSplit(modeCode: number, value: number, threshold: number, missingTracksTrue: boolean): boolean {
  if (missingTracksTrue && Number.isNaN(value)) return true;
  switch (modeCode) {
    case 0:
      return value <= threshold;
    case 1:
      return value < threshold;
    case 2:
      return value >= threshold;
    case 3:
      return value > threshold;
    case 4:
      return value === threshold;
    default:
      return value !== threshold;
  }
}

export function leafFor(tree: DecisionTree, row: FeatureRow): LeafNode {
  let node = tree.nodes[0];
  while (node.kind === 'split') {
    node = tree.nodes[goesTrue(node, row[node.feature]) ? node.trueChild : node.falseChild];
  }
  return node;
}

export function ensembleRawScore(ensemble: TreeEnsemble, row: FeatureRow): number {
  let score = ensemble.baseScore;
  for (const tree of ensemble.trees) score += leafFor(tree, row).value;
  return score;
}

export function sigmoid(score: number): number {
  return score >= 0 ? 1 / (1 + Math.exp(-score)) : Math.exp(score) / (1 + Math.exp(score));
}

export function applyLink(link: ScoreLink, score: number): number {
  return link === 'logistic' ? sigmoid(score) : score;
}

export function predictEnsemble(ensemble: TreeEnsemble, rows: FeatureMatrix): Float64Array {
  const probabilities = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    probabilities[i] = applyLink(ensemble.link, ensembleRawScore(ensemble, rows[i]));
  }
  return probabilities;
}

export function treeDepth(tree: DecisionTree, index = 0): number {
  const node = tree.nodes[index];
  if (node.kind === 'leaf') return 0;
  return 1 + Math.max(treeDepth(tree, node.trueChild), treeDepth(tree, node.falseChild));
}
