import { FastTreeShapExplainer } from 'src/modules/prediction/model/fast-tree-shap';
import { trainGradientBoosting } from 'src/modules/prediction/model/gradient-boosting';
import { SeededRandom } from 'src/modules/prediction/model/prng';
import { bruteForceShapley } from 'src/modules/prediction/model/testing/brute-force-shapley';
import { chainEnsemble, randomEnsemble, randomRow } from 'src/modules/prediction/model/testing/random-tree';
import { syntheticClassification } from 'src/modules/prediction/model/testing/synthetic-classification';
import { DecisionTree, ensembleRawScore } from 'src/modules/prediction/model/tree-ensemble';
import { TreeShapExplainer } from 'src/modules/prediction/model/tree-shap';

const sum = (values: Float64Array): number => values.reduce((total, value) => total + value, 0);

function expectSameValues(actual: Float64Array, expected: Float64Array, digits: number): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, f) => expect(value).toBeCloseTo(expected[f], digits));
}

function mostDistinctFeaturesOnAPath(tree: DecisionTree, index = 0, seen: readonly number[] = []): number {
  const node = tree.nodes[index];
  if (node.kind === 'leaf') return new Set(seen).size;
  const path = [...seen, node.feature];
  return Math.max(mostDistinctFeaturesOnAPath(tree, node.trueChild, path), mostDistinctFeaturesOnAPath(tree, node.falseChild, path));
}

describe(FastTreeShapExplainer.name, () => {
  it('equals brute force and Algorithm 2 on random trees with every split mode and repeated features', () => {
    const random = new SeededRandom(19);
    for (let trial = 0; trial < 40; trial++) {
      const nFeatures = 2 + random.nextInt(5);
      const ensemble = randomEnsemble(random, nFeatures, 1 + random.nextInt(3), 1 + random.nextInt(6));
      const fast = new FastTreeShapExplainer(ensemble);
      const reference = new TreeShapExplainer(ensemble);
      expect(fast.expectedValue).toBeCloseTo(reference.expectedValue, 12);
      for (let r = 0; r < 5; r++) {
        const row = randomRow(random, nFeatures);
        const values = fast.shapValues(row);
        expectSameValues(values, bruteForceShapley(ensemble, row), 9);
        expectSameValues(values, reference.shapValues(row), 12);
      }
    }
  });

  it('equals Algorithm 2 and adds up within 1e-6 on every test row of a 200-tree, depth-5 model', () => {
    const train = syntheticClassification({ nRows: 5000, nFeatures: 12, seed: 51, missingRate: 0.05 });
    const test = syntheticClassification({ nRows: 500, nFeatures: 12, seed: 52, missingRate: 0.05 });
    const ensemble = trainGradientBoosting(train.rows, train.labels, { nTrees: 200, maxDepth: 5, seed: 51 });
    const fast = new FastTreeShapExplainer(ensemble);
    const reference = new TreeShapExplainer(ensemble);
    let worstSum = 0;
    let worstDifference = 0;
    for (const row of test.rows) {
      const values = fast.shapValues(row);
      const expected = reference.shapValues(row);
      worstSum = Math.max(worstSum, Math.abs(sum(values) + fast.expectedValue - ensembleRawScore(ensemble, row)));
      values.forEach((value, f) => (worstDifference = Math.max(worstDifference, Math.abs(value - expected[f]))));
    }
    expect(worstSum).toBeLessThan(1e-6);
    expect(worstDifference).toBeLessThan(1e-9);
  });

  it('computes leaves with more than ten path features per row instead of tabulating them', () => {
    const random = new SeededRandom(23);
    const ensemble = randomEnsemble(random, 16, 3, 13);
    expect(Math.max(...ensemble.trees.map((tree) => mostDistinctFeaturesOnAPath(tree)))).toBeGreaterThan(10);
    const fast = new FastTreeShapExplainer(ensemble);
    const reference = new TreeShapExplainer(ensemble);
    for (let r = 0; r < 20; r++) {
      const row = randomRow(random, 16);
      expectSameValues(fast.shapValues(row), reference.shapValues(row), 9);
    }
  });

  it('refuses trees deeper than its 31-bit path masks and rows of the wrong width', () => {
    expect(() => new FastTreeShapExplainer(chainEnsemble(31))).toThrow(/depth 31 exceed/);
    const shallow = chainEnsemble(0);
    expect(() => new FastTreeShapExplainer(shallow).shapValues([1, 2])).toThrow(/expects 1/);
    expect(Array.from(new FastTreeShapExplainer(shallow).shapValues([3]))).toEqual([0]);
  });
});
