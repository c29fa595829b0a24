import { MISSING_BIN, binFeatures, binOf } from 'src/modules/prediction/model/feature-binning';
import { SeededRandom } from 'src/modules/prediction/model/prng';

describe(binFeatures.name, () => {
  const random = new SeededRandom(9);
  const rows = Array.from({ length: 3000 }, () => [
    random.nextGaussian() * 1000,
    random.nextInt(4),
    random.next() < 0.2 ? Number.NaN : random.next(),
    5,
  ]);
  const binned = binFeatures(rows, 32);

  it('puts a value in bin b exactly when it passes BRANCH_LEQ on the threshold of bin b but not b - 1', () => {
    for (let f = 0; f < 4; f++) {
      const edges = binned.thresholds[f];
      rows.forEach((row, i) => {
        const bin = binned.bins[i * 4 + f];
        const value = Math.fround(row[f]);
        if (Number.isNaN(value)) return expect(bin).toBe(MISSING_BIN);
        if (bin < edges.length) expect(value <= edges[bin]).toBe(true);
        if (bin > 0) expect(value > edges[bin - 1]).toBe(true);
      });
    }
  });

  it('keeps thresholds strictly increasing and exactly representable as float32', () => {
    for (const edges of binned.thresholds) {
      for (let k = 0; k < edges.length; k++) {
        expect(Math.fround(edges[k])).toBe(edges[k]);
        if (k > 0) expect(edges[k]).toBeGreaterThan(edges[k - 1]);
      }
    }
  });

  it('gives each value of a small domain its own bin, caps wide features, and leaves constants unsplittable', () => {
    expect(binned.thresholds[1].length).toBe(3);
    expect(binned.thresholds[0].length).toBe(31);
    expect(binned.thresholds[3].length).toBe(0);
  });

  it('fills equal-frequency bins for a continuous feature', () => {
    const counts = new Array<number>(32).fill(0);
    rows.forEach((_, i) => counts[binned.bins[i * 4]]++);
    for (const count of counts) expect(count).toBeGreaterThan(3000 / 32 / 2);
  });

  it('sends NaN to the missing bin and values past the last edge to the last bin', () => {
    const edges = Float64Array.from([1, 2]);
    expect(binOf(Number.NaN, edges)).toBe(MISSING_BIN);
    expect(binOf(1, edges)).toBe(0);
    expect(binOf(1.5, edges)).toBe(1);
    expect(binOf(9, edges)).toBe(2);
  });

  it('rejects an out-of-range bin count and ragged rows', () => {
    expect(() => binFeatures(rows, 1)).toThrow(RangeError);
    expect(() => binFeatures(rows, 256)).toThrow(RangeError);
    expect(() => binFeatures([[1, 2], [3]])).toThrow(/Row 1 has 1 features/);
  });
});
