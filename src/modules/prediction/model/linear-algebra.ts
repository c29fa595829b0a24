/**
 * Solves A x = b for a symmetric positive definite A (row-major n × n) by Cholesky decomposition.
 * Throws when A is not positive definite.
 */
export function solveSymmetricPositiveDefinite(matrix: Float64Array, rhs: Float64Array): Float64Array {
  const n = rhs.length;
  if (matrix.length !== n * n) throw new RangeError(`Expected a ${n} × ${n} matrix.`);
  const lower = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i * n + j];
      for (let k = 0; k < j; k++) sum -= lower[i * n + k] * lower[j * n + k];
      if (i === j) {
        if (!(sum > 0)) throw new RangeError('The matrix is not positive definite.');
        lower[i * n + i] = Math.sqrt(sum);
      } else {
        lower[i * n + j] = sum / lower[j * n + j];
      }
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = rhs[i];
    for (let k = 0; k < i; k++) sum -= lower[i * n + k] * y[k];
    y[i] = sum / lower[i * n + i];
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i];
    for (let k = i + 1; k < n; k++) sum -= lower[k * n + i] * x[k];
    x[i] = sum / lower[i * n + i];
  }
  return x;
}
