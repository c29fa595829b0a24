import { loadStarMethod } from 'src/modules/analytics/star-rating/load-star-method';
import { cutPointRuleFor, measureStars } from 'src/modules/analytics/star-rating/measure-stars';
import { CutPointRule } from 'src/modules/analytics/star-rating/star-method.types';

const method = loadStarMethod(2026);
const rule = (measureId: string, contractType: 'ma_pd' | 'pdp' = 'ma_pd'): CutPointRule => {
  const found = cutPointRuleFor(method, measureId, contractType);
  if (!found) throw new Error(`no cut points for ${measureId}`);
  return found;
};

describe('measureStars', () => {
  describe('higher is better (C01 Breast Cancer Screening: 58 / 71 / 76 / 84)', () => {
    it.each([
      [57.49, 1],
      [57.5, 2],
      [58, 2],
      [70.4, 2],
      [70.5, 3],
      [75.99, 4],
      [83.49, 4],
      [83.5, 5],
      [100, 5],
      [0, 1],
    ])('scores %s as %s stars after rounding to a whole percent', (score, stars) => {
      expect(measureStars(score, rule('C01'))).toBe(stars);
    });
  });

  describe('lower is better (C18 Plan All-Cause Readmissions: <= 12 / 10 / 9 / 7)', () => {
    it.each([
      [6, 5],
      [7, 5],
      [7.49, 5],
      [7.5, 4],
      [9, 4],
      [9.5, 3],
      [10.49, 3],
      [10.5, 2],
      [12, 2],
      [12.49, 2],
      [12.5, 1],
      [30, 1],
    ])('scores %s as %s stars after rounding to a whole percent', (score, stars) => {
      expect(measureStars(score, rule('C18'))).toBe(stars);
    });
  });

  it('uses the PDP cut points for a PDP contract and the MA-PD ones otherwise (D12)', () => {
    // D12 SUPD: MA-PD 81 / 85 / 89 / 93, PDP 82 / 83 / 84 / 86.
    expect(measureStars(86, rule('D12'))).toBe(3);
    expect(measureStars(86, rule('D12', 'pdp'))).toBe(5);
  });

  it('has no rule for a measure without published cut points in the data file', () => {
    expect(cutPointRuleFor(method, 'C22', 'ma_pd')).toBeUndefined();
  });

  it('rejects a score that is not a number', () => {
    expect(() => measureStars(Number.NaN, rule('C01'))).toThrow(RangeError);
  });
});
