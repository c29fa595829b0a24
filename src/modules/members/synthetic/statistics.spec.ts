import { expectedRate, normalQuantile, sigmoid, solveIncreasing } from 'src/modules/members/synthetic/statistics';

describe(normalQuantile.name, () => {
  it.each([
    [0.5, 0],
    [0.975, 1.959964],
    [0.025, -1.959964],
    [0.841345, 1],
    [0.001, -3.090232],
  ])('matches the normal table at %d', (p, z) => {
    expect(normalQuantile(p)).toBeCloseTo(z, 5);
  });

  it('rejects probabilities outside (0, 1)', () => {
    expect(() => normalQuantile(0)).toThrow(RangeError);
    expect(() => normalQuantile(1)).toThrow(RangeError);
  });
});

describe(solveIncreasing.name, () => {
  it('finds the intercept that gives a target expected rate', () => {
    const scores = Float64Array.from([-2, -1, 0, 1, 2]);
    const intercept = solveIncreasing((b) => expectedRate(b, scores), 0.8);
    expect(expectedRate(intercept, scores)).toBeCloseTo(0.8, 6);
  });

  it('counts pinned members at their fixed value', () => {
    const scores = Float64Array.from([0, 0, 0, 0]);
    const fixed = Int8Array.from([1, 1, -1, -1]);
    expect(expectedRate(0, scores, fixed)).toBeCloseTo((1 + 1 + sigmoid(0) * 2) / 4, 9);
    const intercept = solveIncreasing((b) => expectedRate(b, scores, fixed), 0.9);
    expect(sigmoid(intercept)).toBeCloseTo(0.8, 5);
  });
});
