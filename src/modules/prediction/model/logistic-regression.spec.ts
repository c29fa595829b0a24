import { predictLinear } from 'src/modules/prediction/model/linear-model';
import { trainLogisticRegression } from 'src/modules/prediction/model/logistic-regression';
import { rocAuc } from 'src/modules/prediction/model/metrics';
import { SeededRandom } from 'src/modules/prediction/model/prng';
import { sigmoid } from 'src/modules/prediction/model/tree-ensemble';

describe(trainLogisticRegression.name, () => {
  const random = new SeededRandom(4);
  const truth = { intercept: -0.5, coefficients: [1.5, -2, 0] };
  const rows = Array.from({ length: 20000 }, () => [random.nextGaussian() * 3 + 10, random.next() * 2, random.nextGaussian()]);
  const labels = rows.map((row) => {
    const logit = truth.intercept + row.reduce((sum, value, f) => sum + truth.coefficients[f] * (f === 0 ? value - 10 : value), 0);
    return random.next() < sigmoid(logit) ? 1 : 0;
  });
  const model = trainLogisticRegression(rows, labels);

  it('recovers the generating coefficients on the original feature scale', () => {
    expect(model.converged).toBe(true);
    expect(model.coefficients[0]).toBeCloseTo(1.5, 1);
    expect(model.coefficients[1]).toBeCloseTo(-2, 1);
    expect(Math.abs(model.coefficients[2])).toBeLessThan(0.05);
    expect(model.intercept).toBeCloseTo(-0.5 - 15, 0);
    expect(model.link).toBe('logistic');
  });

  it('stores float32 coefficients and the training means as the SHAP reference', () => {
    for (const value of [...model.coefficients, model.intercept]) expect(Math.fround(value)).toBe(value);
    expect(model.featureMeans[0]).toBeCloseTo(10, 1);
    expect(model.featureMeans[1]).toBeCloseTo(1, 1);
  });

  it('ranks about as well as the true model and is deterministic', () => {
    expect(rocAuc(labels, predictLinear(model, rows))).toBeGreaterThan(0.8);
    expect(trainLogisticRegression(rows, labels)).toEqual(model);
  });

  it('gives a constant feature no weight and survives perfectly separable data', () => {
    const constant = trainLogisticRegression([[1, 0], [1, 1], [1, 2], [1, 3]], [0, 0, 1, 1]);
    expect(constant.coefficients[0]).toBe(0);
    expect(constant.coefficients[1]).toBeGreaterThan(0);
    expect(Number.isFinite(constant.intercept)).toBe(true);
  });

  it('rejects missing values', () => {
    expect(() => trainLogisticRegression([[1], [Number.NaN]], [0, 1])).toThrow(/Feature 0 of row 1 is not a finite number/);
  });
});
