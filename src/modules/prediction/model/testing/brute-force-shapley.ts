import { FeatureRow } from 'src/modules/prediction/model/feature-matrix';
import { coverFractions } from 'src/modules/prediction/model/tree-covers';
import { DecisionTree, TreeEnsemble, goesTrue } from 'src/modules/prediction/model/tree-ensemble';

/**
 * v(S) = E[f(x) | x_S] with the path-dependent convention: a split on a feature in S follows x,
 * any other split averages its branches by cover share. Written independently of TreeSHAP's path
 * algebra so the two can check each other.
 */
export function conditionalExpectation(ensemble: TreeEnsemble, row: FeatureRow, known: readonly boolean[]): number {
  let total = ensemble.baseScore;
  for (const tree of ensemble.trees) total += treeExpectation(tree, coverFractions(tree), row, known, 0);
  return total;
}

function treeExpectation(
  tree: DecisionTree,
  shares: ReturnType<typeof coverFractions>,
  row: FeatureRow,
  known: readonly boolean[],
  index: number,
): number {
  const node = tree.nodes[index];
  if (node.kind === 'leaf') return node.value;
  if (known[node.feature]) {
    return treeExpectation(tree, shares, row, known, goesTrue(node, row[node.feature]) ? node.trueChild : node.falseChild);
  }
  return (
    shares.trueShare[index] * treeExpectation(tree, shares, row, known, node.trueChild) +
    shares.falseShare[index] * treeExpectation(tree, shares, row, known, node.falseChild)
  );
}

/** Shapley values by enumerating all 2^M coalitions; only for M <= ~12. */
export function bruteForceShapley(ensemble: TreeEnsemble, row: FeatureRow): Float64Array {
  const m = ensemble.nFeatures;
  const factorial = [1];
  for (let k = 1; k <= m; k++) factorial.push(factorial[k - 1] * k);
  const value = new Float64Array(1 << m);
  for (let mask = 0; mask < 1 << m; mask++) {
    const known = Array.from({ length: m }, (_, f) => (mask & (1 << f)) !== 0);
    value[mask] = conditionalExpectation(ensemble, row, known);
  }
  const phi = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    for (let mask = 0; mask < 1 << m; mask++) {
      if (mask & (1 << i)) continue;
      const size = popCount(mask);
      const weight = (factorial[size] * factorial[m - size - 1]) / factorial[m];
      phi[i] += weight * (value[mask | (1 << i)] - value[mask]);
    }
  }
  return phi;
}

function popCount(mask: number): number {
  let count = 0;
  for (let bits = mask; bits !== 0; bits &= bits - 1) count++;
  return count;
}
