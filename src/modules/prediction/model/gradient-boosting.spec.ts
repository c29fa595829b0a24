import { trainGradientBoosting } from 'src/modules/prediction/model/gradient-boosting';
import { brierScore, rocAuc } from 'src/modules/prediction/model/metrics';
import { syntheticClassification } from 'src/modules/prediction/model/testing/synthetic-classification';
import { leafFor, predictEnsemble, sigmoid, treeDepth } from 'src/modules/prediction/model/tree-ensemble';

describe(trainGradientBoosting.name, () => {
  const train = syntheticClassification({ nRows: 8000, nFeatures: 8, seed: 1, missingRate: 0.1 });
  const test = syntheticClassification({ nRows: 4000, nFeatures: 8, seed: 2, missingRate: 0.1 });
  const options = { nTrees: 60, maxDepth: 4, learningRate: 0.1, minSamplesLeaf: 25, seed: 17 };
  const model = trainGradientBoosting(train.rows, train.labels, options);

  it('is deterministic for a seed and changes with the seed', () => {
    expect(trainGradientBoosting(train.rows, train.labels, options)).toEqual(model);
    expect(trainGradientBoosting(train.rows, train.labels, { ...options, seed: 18 })).not.toEqual(model);
  });

  it('starts from the prior log-odds, rounded to float32', () => {
    const rate = train.labels.reduce((sum, label) => sum + label, 0) / train.labels.length;
    expect(model.baseScore).toBe(Math.fround(Math.log(rate / (1 - rate))));
    expect(model.link).toBe('logistic');
    expect(model.nFeatures).toBe(8);
  });

  it('learns the signal: held-out AUC and Brier score close to the true probabilities', () => {
    const predicted = predictEnsemble(model, test.rows);
    const oracleAuc = rocAuc(test.labels, test.trueProbabilities);
    expect(rocAuc(test.labels, predicted)).toBeGreaterThan(oracleAuc - 0.02);
    expect(brierScore(test.labels, predicted)).toBeLessThan(brierScore(test.labels, test.trueProbabilities) + 0.01);
  });

  it('respects maxDepth, minSamplesLeaf and float32 thresholds and leaf values', () => {
    expect(model.trees).toHaveLength(60);
    for (const tree of model.trees) {
      expect(treeDepth(tree)).toBeLessThanOrEqual(4);
      for (const node of tree.nodes) {
        if (node.kind === 'leaf') {
          expect(node.cover).toBeGreaterThanOrEqual(25);
          expect(Math.fround(node.value)).toBe(node.value);
        } else {
          expect(Math.fround(node.threshold)).toBe(node.threshold);
          expect(node.cover).toBe(tree.nodes[node.trueChild].cover + tree.nodes[node.falseChild].cover);
        }
      }
    }
  });

  it('routes rows by raw values exactly as training routed them by bins (leaf covers recount)', () => {
    const full = trainGradientBoosting(train.rows, train.labels, { ...options, nTrees: 5, rowSubsample: 1 });
    for (const tree of full.trees) {
      const counts = new Map<object, number>();
      for (const row of train.rows) {
        const leaf = leafFor(tree, row);
        counts.set(leaf, (counts.get(leaf) ?? 0) + 1);
      }
      for (const node of tree.nodes) if (node.kind === 'leaf') expect(counts.get(node) ?? 0).toBe(node.cover);
    }
  });

  it('learns which way missing values go', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => [i % 2 === 0 ? Number.NaN : (i % 7) / 7, (i % 5) / 5]);
    const labels = rows.map((row) => (Number.isNaN(row[0]) ? 1 : 0));
    const fitted = trainGradientBoosting(rows, labels, { nTrees: 20, maxDepth: 2, learningRate: 0.3, seed: 1 });
    expect(fitted.trees.some((tree) => tree.nodes.some((node) => node.kind === 'split' && node.missingTracksTrue))).toBe(true);
    const [missing, present] = predictEnsemble(fitted, [[Number.NaN, 0.2], [0.5, 0.2]]);
    expect(missing).toBeGreaterThan(0.9);
    expect(present).toBeLessThan(0.1);
  });

  it('keeps a single leaf per tree when nothing can be split', () => {
    const fitted = trainGradientBoosting([[1], [1], [1], [1]], [0, 1, 1, 1], { nTrees: 3, minSamplesLeaf: 1 });
    expect(fitted.trees.every((tree) => tree.nodes.length === 1)).toBe(true);
    expect(sigmoid(fitted.baseScore + fitted.trees.reduce((s, t) => s + (t.nodes[0].kind === 'leaf' ? t.nodes[0].value : 0), 0))).toBeCloseTo(0.75, 2);
  });

  it('rejects invalid options and labels', () => {
    expect(() => trainGradientBoosting(train.rows, train.labels, { nTrees: 0, learningRate: 2 })).toThrow(
      /nTrees must be a positive integer; learningRate must be in \(0, 1\]/,
    );
    expect(() => trainGradientBoosting([[1], [2]], [0, 2])).toThrow(/Label 1 is neither 0 nor 1/);
    expect(() => trainGradientBoosting([[1], [2]], [0])).toThrow(/1 labels for 2 rows/);
  });
});
