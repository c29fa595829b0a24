import { brierScore, calibrationTable, logLoss, rocAuc } from 'src/modules/prediction/model/metrics';
import { SeededRandom } from 'src/modules/prediction/model/prng';

function pairwiseAuc(labels: number[], scores: number[]): number {
  let wins = 0;
  let pairs = 0;
  labels.forEach((a, i) =>
    labels.forEach((b, j) => {
      if (a !== 1 || b !== 0) return;
      pairs++;
      wins += scores[i] > scores[j] ? 1 : scores[i] === scores[j] ? 0.5 : 0;
    }),
  );
  return wins / pairs;
}

describe(rocAuc.name, () => {
  it('is 1 for a perfect ranking, 0 for a reversed one and 0.5 when every score ties', () => {
    expect(rocAuc([0, 0, 1, 1], [0.1, 0.2, 0.3, 0.9])).toBe(1);
    expect(rocAuc([1, 1, 0, 0], [0.1, 0.2, 0.3, 0.9])).toBe(0);
    expect(rocAuc([1, 0, 1, 0], [0.5, 0.5, 0.5, 0.5])).toBe(0.5);
  });

  it('counts a tied positive-negative pair as one half', () => {
    expect(rocAuc([0, 1, 0, 1], [0.2, 0.5, 0.5, 0.9])).toBeCloseTo(0.875, 12);
  });

  it('agrees with counting every pair on random data with many ties', () => {
    const random = new SeededRandom(5);
    const labels = Array.from({ length: 400 }, () => (random.next() < 0.3 ? 1 : 0));
    const scores = labels.map((label) => Math.round((random.next() + 0.3 * label) * 10) / 10);
    expect(rocAuc(labels, scores)).toBeCloseTo(pairwiseAuc(labels, scores), 12);
  });

  it('needs both classes and matching lengths', () => {
    expect(() => rocAuc([1, 1], [0.2, 0.3])).toThrow(/both positive and negative/);
    expect(() => rocAuc([1, 0], [0.2])).toThrow(RangeError);
  });
});

describe(brierScore.name, () => {
  it('is the mean squared error of the probabilities', () => {
    expect(brierScore([1, 0, 1], [0.9, 0.2, 0.4])).toBeCloseTo((0.01 + 0.04 + 0.36) / 3, 12);
    expect(logLoss([1, 0], [0.8, 0.4])).toBeCloseTo(-(Math.log(0.8) + Math.log(0.6)) / 2, 12);
  });
});

describe(calibrationTable.name, () => {
  it('splits rows into equal-count bins by prediction with mean predicted and observed rates', () => {
    const random = new SeededRandom(8);
    const probabilities = Array.from({ length: 1000 }, () => random.next());
    const labels = probabilities.map((p) => (random.next() < p ? 1 : 0));
    const table = calibrationTable(labels, probabilities);
    expect(table).toHaveLength(10);
    expect(table.reduce((sum, bin) => sum + bin.count, 0)).toBe(1000);
    for (const [k, bin] of table.entries()) {
      expect(bin.count).toBe(100);
      expect(bin.meanPredicted).toBeGreaterThanOrEqual(bin.minPredicted);
      expect(bin.meanPredicted).toBeLessThanOrEqual(bin.maxPredicted);
      expect(Math.abs(bin.observedRate - bin.meanPredicted)).toBeLessThan(0.15);
      if (k > 0) expect(bin.minPredicted).toBeGreaterThanOrEqual(table[k - 1].maxPredicted);
    }
  });

  it('computes each bin exactly on a small example and skips empty bins', () => {
    const table = calibrationTable([0, 1, 1, 0], [0.1, 0.9, 0.6, 0.2], 2);
    expect(table).toEqual([
      { bin: 0, count: 2, minPredicted: 0.1, maxPredicted: 0.2, meanPredicted: 0.15000000000000002, observedRate: 0 },
      { bin: 1, count: 2, minPredicted: 0.6, maxPredicted: 0.9, meanPredicted: 0.75, observedRate: 1 },
    ]);
    expect(calibrationTable([1, 0], [0.3, 0.7], 4)).toHaveLength(2);
  });
});
