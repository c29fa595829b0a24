import { LinearModel, linearRawScore } from 'src/modules/prediction/model/linear-model';
import { LinearShapExplainer, columnMeans } from 'src/modules/prediction/model/linear-shap';
import { SeededRandom } from 'src/modules/prediction/model/prng';

const model: LinearModel = {
  nFeatures: 4,
  coefficients: Float64Array.from([0.5, -1.25, 2, 0]),
  intercept: -0.75,
  link: 'logistic',
};
const reference = [1, 2, -0.5, 3];

/** Shapley values of v(S) = f(x_S, reference_rest) by enumerating coalitions. */
function bruteForce(row: number[]): number[] {
  const m = row.length;
  const value = (mask: number): number =>
    linearRawScore(model, row.map((x, f) => ((mask >> f) & 1 ? x : reference[f])));
  const factorial = (k: number): number => (k <= 1 ? 1 : k * factorial(k - 1));
  return row.map((_, i) => {
    let phi = 0;
    for (let mask = 0; mask < 1 << m; mask++) {
      if ((mask >> i) & 1) continue;
      const size = mask.toString(2).split('').filter((bit) => bit === '1').length;
      phi += ((factorial(size) * factorial(m - size - 1)) / factorial(m)) * (value(mask | (1 << i)) - value(mask));
    }
    return phi;
  });
}

describe(LinearShapExplainer.name, () => {
  const explainer = new LinearShapExplainer(model, reference);

  it('has the score at the reference as its expected value', () => {
    expect(explainer.expectedValue).toBeCloseTo(linearRawScore(model, reference), 12);
  });

  it('gives w_i (x_i - mean_i), equal to brute-force Shapley values, adding up to the raw score', () => {
    const random = new SeededRandom(61);
    for (let r = 0; r < 20; r++) {
      const row = Array.from({ length: 4 }, () => random.nextGaussian() * 3);
      const values = explainer.shapValues(row);
      const exact = bruteForce(row);
      values.forEach((value, f) => {
        expect(value).toBeCloseTo(model.coefficients[f] * (Math.fround(row[f]) - reference[f]), 12);
        expect(value).toBeCloseTo(exact[f], 9);
      });
      const total = values.reduce((a, b) => a + b, 0) + explainer.expectedValue;
      expect(Math.abs(total - linearRawScore(model, row))).toBeLessThan(1e-9);
    }
  });

  it('checks the widths of the reference and of rows', () => {
    expect(() => new LinearShapExplainer(model, [1, 2])).toThrow(/reference has 2 values; the model has 4/);
    expect(() => explainer.shapValues([1])).toThrow(/expects 4/);
  });
});

describe(columnMeans.name, () => {
  it('averages each column as float32 inputs', () => {
    expect(Array.from(columnMeans([[1, 2], [3, 6]], 2))).toEqual([2, 4]);
    expect(() => columnMeans([], 2)).toThrow(RangeError);
  });
});
