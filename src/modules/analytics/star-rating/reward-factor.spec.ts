import { Fraction } from 'src/modules/analytics/star-rating/fraction';
import { rewardFactor } from 'src/modules/analytics/star-rating/reward-factor';
import { RewardThresholds, RewardValues } from 'src/modules/analytics/star-rating/star-method.types';
import { weightedStats } from 'src/modules/analytics/star-rating/weighted-stats';

// Table 8/9 row "with improvement / with new measures", Part C, in millionths.
const PART_C: RewardThresholds = { meanP65: 3_695_652, meanP85: 4_000_000, varianceP30: 918_435, varianceP70: 1_285_170 };
const VALUES: RewardValues = {
  highMeanLowVariance: 400_000,
  highMeanMediumVariance: 300_000,
  relativelyHighMeanLowVariance: 200_000,
  relativelyHighMeanMediumVariance: 100_000,
};
const micro = (millionths: number, extraDigits = ''): Fraction =>
  Fraction.of(BigInt(`${millionths}${extraDigits}`), 10n ** BigInt(6 + extraDigits.length));

const reward = (mean: Fraction, variance: Fraction): number => rewardFactor(mean, variance, PART_C, VALUES, 6).reward;

describe('rewardFactor', () => {
  it.each([
    ['high mean, low variance', 4_100_000, 500_000, 400_000],
    ['high mean, medium variance', 4_100_000, 1_000_000, 300_000],
    ['relatively high mean, low variance', 3_800_000, 500_000, 200_000],
    ['relatively high mean, medium variance', 3_800_000, 1_000_000, 100_000],
    ['high mean, high variance', 4_100_000, 1_300_000, 0],
    ['mean below the 65th percentile', 3_600_000, 500_000, 0],
  ])('%s gives %s', (_label, mean, variance, expected) => {
    expect(reward(micro(mean), micro(variance))).toBe(expected);
  });

  it('puts a mean equal to a percentile in the higher group', () => {
    expect(reward(micro(4_000_000), micro(500_000))).toBe(400_000);
    expect(reward(micro(3_999_999), micro(500_000))).toBe(200_000);
    expect(reward(micro(3_695_652), micro(500_000))).toBe(200_000);
    expect(reward(micro(3_695_651), micro(500_000))).toBe(0);
  });

  it('puts a variance equal to a percentile in the higher (worse) group', () => {
    expect(reward(micro(4_100_000), micro(918_434))).toBe(400_000);
    expect(reward(micro(4_100_000), micro(918_435))).toBe(300_000);
    expect(reward(micro(4_100_000), micro(1_285_170))).toBe(0);
  });

  it('compares after rounding the mean and variance half up to 6 decimals', () => {
    // 3.9999995 rounds to 4.000000: high. 3.99999949 rounds to 3.999999: relatively high.
    expect(reward(micro(3_999_999, '5'), micro(500_000))).toBe(400_000);
    expect(reward(micro(3_999_999, '49'), micro(500_000))).toBe(200_000);
    // 0.9184345 rounds to 0.918435, the 30th percentile itself: medium, not low.
    expect(reward(micro(4_100_000), micro(918_434, '5'))).toBe(300_000);
    expect(reward(micro(4_100_000), micro(918_434, '49'))).toBe(400_000);
  });

  it('reports the rounded values and the categories it used', () => {
    const result = rewardFactor(Fraction.of(35, 9), Fraction.of(1, 3), PART_C, VALUES, 6);
    expect(result).toEqual({
      meanRounded: 3_888_889,
      varianceRounded: 333_333,
      meanCategory: 'relatively_high',
      varianceCategory: 'low',
      reward: 200_000,
    });
  });
});

describe('weightedStats', () => {
  it('computes the weighted mean and the Attachment H weighted variance exactly', () => {
    // Stars 5 (weight 1) and 3 (weight 3): mean 14/4 = 3.5;
    // variance = 2 * (1 * 1.5^2 + 3 * 0.5^2) / (4 * 1) = 1.5.
    const stats = weightedStats([
      { measureId: 'A', weight: 1, stars: 5 },
      { measureId: 'B', weight: 3, stars: 3 },
    ]);
    expect(stats.mean.compare(Fraction.of(7, 2))).toBe(0);
    expect(stats.variance.compare(Fraction.of(3, 2))).toBe(0);
    expect(stats.weightTotal).toBe(4);
  });

  it('gives zero variance when every star is the same', () => {
    const stats = weightedStats([
      { measureId: 'A', weight: 2, stars: 4 },
      { measureId: 'B', weight: 5, stars: 4 },
    ]);
    expect(stats.variance.compare(Fraction.of(0))).toBe(0);
  });

  it('needs two measures and whole positive weights', () => {
    expect(() => weightedStats([{ measureId: 'A', weight: 1, stars: 4 }])).toThrow(RangeError);
    expect(() =>
      weightedStats([
        { measureId: 'A', weight: 1.5, stars: 4 },
        { measureId: 'B', weight: 1, stars: 4 },
      ]),
    ).toThrow(/positive integer weight/);
  });
});
