import { trainGradientBoosting } from 'src/modules/prediction/model/gradient-boosting';
import { syntheticClassification } from 'src/modules/prediction/model/testing/synthetic-classification';
import {
  coverFractions,
  ensembleExpectation,
  hasConsistentCovers,
  withCoversFromData,
  withUniformCovers,
} from 'src/modules/prediction/model/tree-covers';
import { DecisionTree, SplitMode } from 'src/modules/prediction/model/tree-ensemble';

const tree = (covers: number[]): DecisionTree => ({
  nodes: [
    { kind: 'split', feature: 0, threshold: 0, mode: SplitMode.BranchLeq, trueChild: 1, falseChild: 2, missingTracksTrue: false, cover: covers[0] },
    { kind: 'leaf', value: 1, cover: covers[1] },
    { kind: 'leaf', value: 3, cover: covers[2] },
  ],
});

describe(hasConsistentCovers.name, () => {
  it('accepts covers that add up and rejects placeholders, gaps and negatives', () => {
    expect(hasConsistentCovers(tree([10, 4, 6]))).toBe(true);
    expect(hasConsistentCovers(tree([1, 1, 1]))).toBe(false);
    expect(hasConsistentCovers(tree([Number.NaN, 4, 6]))).toBe(false);
    expect(hasConsistentCovers(tree([0, 0, 0]))).toBe(false);
    expect(hasConsistentCovers(tree([2, 3, -1]))).toBe(false);
  });
});

describe(withUniformCovers.name, () => {
  it('halves the root cover at every split', () => {
    expect(withUniformCovers(tree([1, 1, 1])).nodes.map((n) => n.cover)).toEqual([1, 0.5, 0.5]);
  });
});

describe(coverFractions.name, () => {
  it('normalises by the children and splits evenly when they have no cover', () => {
    expect(Array.from(coverFractions(tree([99, 1, 3])).trueShare)).toEqual([0.25, 0, 0]);
    expect(Array.from(coverFractions(tree([0, 0, 0])).falseShare)).toEqual([0.5, 0, 0]);
    const ensemble = { nFeatures: 1, baseScore: 0.5, link: 'logistic' as const, trees: [tree([4, 1, 3])] };
    expect(ensembleExpectation(ensemble)).toBeCloseTo(0.5 + 0.25 * 1 + 0.75 * 3, 12);
  });
});

describe(withCoversFromData.name, () => {
  it('recounts the training covers when given the training rows of an unsampled model', () => {
    const data = syntheticClassification({ nRows: 2000, nFeatures: 5, seed: 71, missingRate: 0.1 });
    const ensemble = trainGradientBoosting(data.rows, data.labels, { nTrees: 5, maxDepth: 3, rowSubsample: 1, seed: 71 });
    const stripped = { ...ensemble, trees: ensemble.trees.map(withUniformCovers) };
    expect(withCoversFromData(stripped, data.rows)).toEqual(ensemble);
    expect(() => withCoversFromData(stripped, [])).toThrow(RangeError);
  });
});
