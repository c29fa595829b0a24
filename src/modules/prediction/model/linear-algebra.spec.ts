import { solveSymmetricPositiveDefinite } from 'src/modules/prediction/model/linear-algebra';

describe(solveSymmetricPositiveDefinite.name, () => {
  it('solves a symmetric positive definite system', () => {
    const a = Float64Array.from([4, 2, 0.6, 2, 5, 1, 0.6, 1, 3]);
    const x = Float64Array.from([1, -2, 0.5]);
    const b = Float64Array.from([0, 1, 2].map((i) => a[i * 3] * x[0] + a[i * 3 + 1] * x[1] + a[i * 3 + 2] * x[2]));
    const solved = solveSymmetricPositiveDefinite(a, b);
    solved.forEach((value, i) => expect(value).toBeCloseTo(x[i], 12));
  });

  it('rejects a matrix that is not positive definite and a mis-sized one', () => {
    expect(() => solveSymmetricPositiveDefinite(Float64Array.from([1, 2, 2, 1]), Float64Array.from([1, 1]))).toThrow(
      /not positive definite/,
    );
    expect(() => solveSymmetricPositiveDefinite(Float64Array.from([1, 0, 0]), Float64Array.from([1, 1]))).toThrow(RangeError);
  });
});
