import { trainGradientBoosting } from 'src/modules/prediction/model/gradient-boosting';
import { SeededRandom } from 'src/modules/prediction/model/prng';
import { bruteForceShapley, conditionalExpectation } from 'src/modules/prediction/model/testing/brute-force-shapley';
import { randomEnsemble, randomRow } from 'src/modules/prediction/model/testing/random-tree';
import { syntheticClassification } from 'src/modules/prediction/model/testing/synthetic-classification';
import { withUniformCovers } from 'src/modules/prediction/model/tree-covers';
import { SplitMode, TreeEnsemble, ensembleRawScore } from 'src/modules/prediction/model/tree-ensemble';
import { TreeShapExplainer } from 'src/modules/prediction/model/tree-shap';

const sum = (values: Float64Array): number => values.reduce((total, value) => total + value, 0);

const stump: TreeEnsemble = {
  nFeatures: 2,
  baseScore: 0.25,
  link: 'logistic',
  trees: [
    {
      nodes: [
        { kind: 'split', feature: 0, threshold: 0.5, mode: SplitMode.BranchLeq, trueChild: 1, falseChild: 2, missingTracksTrue: false, cover: 4 },
        { kind: 'leaf', value: 1, cover: 3 },
        { kind: 'leaf', value: -1, cover: 1 },
      ],
    },
  ],
};

describe(TreeShapExplainer.name, () => {
  it('gives the hand-computed values for a single split', () => {
    const explainer = new TreeShapExplainer(stump);
    expect(explainer.expectedValue).toBeCloseTo(0.25 + 0.75 * 1 + 0.25 * -1, 12);
    expect(Array.from(explainer.shapValues([0, 7]))).toEqual([0.5, 0]);
    expect(Array.from(explainer.shapValues([1, 7]))).toEqual([-1.5, 0]);
    // NaN fails BRANCH_LEQ and, without a missing-value track, goes to the false branch.
    expect(explainer.shapValues([Number.NaN, 0])[0]).toBeCloseTo(-1.5, 12);
  });

  it('matches brute-force Shapley values on random trees with every split mode and repeated features', () => {
    const random = new SeededRandom(11);
    for (let trial = 0; trial < 40; trial++) {
      const nFeatures = 2 + random.nextInt(5);
      const ensemble = randomEnsemble(random, nFeatures, 1 + random.nextInt(3), 1 + random.nextInt(5));
      const explainer = new TreeShapExplainer(ensemble);
      expect(explainer.expectedValue).toBeCloseTo(conditionalExpectation(ensemble, [], []), 10);
      for (let r = 0; r < 5; r++) {
        const row = randomRow(random, nFeatures);
        const shap = explainer.shapValues(row);
        const exact = bruteForceShapley(ensemble, row);
        for (let f = 0; f < nFeatures; f++) expect(shap[f]).toBeCloseTo(exact[f], 9);
        expect(sum(shap) + explainer.expectedValue).toBeCloseTo(ensembleRawScore(ensemble, row), 9);
      }
    }
  });

  it('matches brute force on a boosted model with six features, with data and with uniform covers', () => {
    const data = syntheticClassification({ nRows: 3000, nFeatures: 6, seed: 3, missingRate: 0.1 });
    const trained = trainGradientBoosting(data.rows, data.labels, { nTrees: 15, maxDepth: 4, seed: 3 });
    const uniform = { ...trained, trees: trained.trees.map(withUniformCovers) };
    for (const ensemble of [trained, uniform]) {
      const explainer = new TreeShapExplainer(ensemble);
      for (const row of data.rows.slice(0, 25)) {
        const shap = explainer.shapValues(row);
        const exact = bruteForceShapley(ensemble, row);
        for (let f = 0; f < 6; f++) expect(shap[f]).toBeCloseTo(exact[f], 9);
      }
    }
  });

  it('adds up to the raw score within 1e-6 on every test row of a 200-tree, depth-5 model', () => {
    const train = syntheticClassification({ nRows: 5000, nFeatures: 12, seed: 5, missingRate: 0.05 });
    const test = syntheticClassification({ nRows: 1000, nFeatures: 12, seed: 6, missingRate: 0.05 });
    const ensemble = trainGradientBoosting(train.rows, train.labels, { nTrees: 200, maxDepth: 5, seed: 5 });
    const explainer = new TreeShapExplainer(ensemble);
    let worst = 0;
    for (const row of test.rows) {
      const shap = explainer.shapValues(row);
      worst = Math.max(worst, Math.abs(sum(shap) + explainer.expectedValue - ensembleRawScore(ensemble, row)));
    }
    expect(worst).toBeLessThan(1e-6);
  });

  it('gives zero to a feature the trees never split on', () => {
    const explainer = new TreeShapExplainer(stump);
    const random = new SeededRandom(2);
    for (let r = 0; r < 10; r++) expect(explainer.shapValues([random.nextGaussian(), random.nextGaussian()])[1]).toBe(0);
  });

  it('stays finite and exact when a branch has no cover', () => {
    const ensemble: TreeEnsemble = {
      ...stump,
      trees: [
        {
          nodes: [
            { kind: 'split', feature: 0, threshold: 0.5, mode: SplitMode.BranchLeq, trueChild: 1, falseChild: 4, missingTracksTrue: false, cover: 5 },
            { kind: 'split', feature: 1, threshold: 0.5, mode: SplitMode.BranchGt, trueChild: 2, falseChild: 3, missingTracksTrue: true, cover: 5 },
            { kind: 'leaf', value: 2, cover: 5 },
            { kind: 'leaf', value: -3, cover: 0 },
            { kind: 'leaf', value: 7, cover: 0 },
          ],
        },
      ],
    };
    const explainer = new TreeShapExplainer(ensemble);
    for (const row of [[0, 0], [0, 1], [1, 0], [1, 1], [Number.NaN, Number.NaN]]) {
      const shap = explainer.shapValues(row);
      const exact = bruteForceShapley(ensemble, row);
      expect(Number.isFinite(shap[0]) && Number.isFinite(shap[1])).toBe(true);
      expect(shap[0]).toBeCloseTo(exact[0], 12);
      expect(shap[1]).toBeCloseTo(exact[1], 12);
      expect(sum(shap) + explainer.expectedValue).toBeCloseTo(ensembleRawScore(ensemble, row), 12);
    }
  });

  it('rejects a row of the wrong width', () => {
    expect(() => new TreeShapExplainer(stump).shapValues([1])).toThrow(/expects 2/);
  });
});
