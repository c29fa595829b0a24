import { choosePass, HoldHarmlessRules, isNewMeasureHoldHarmlessEligible } from 'src/modules/analytics/star-rating/hold-harmless';
import { loadStarMethod } from 'src/modules/analytics/star-rating/load-star-method';
import { ContractStarInput, MeasureOutcome, PassName, RatingPass } from 'src/modules/analytics/star-rating/star-rating.types';

const pass = (name: PassName, stars: number): RatingPass => ({
  name,
  thresholdRow: 'with_improvement/with_new_measures',
  ratingKind: 'overall',
  measures: [],
  weightTotal: 0,
  weightedMean: stars,
  weightedMeanRounded: stars,
  weightedVariance: 0,
  weightedVarianceRounded: 0,
  meanCategory: 'other',
  varianceCategory: 'low',
  rewardFactor: 0,
  caiCategory: null,
  cai: 0,
  finalScore: stars,
  stars,
});
const rules = (overrides: Partial<HoldHarmlessRules> = {}): HoldHarmlessRules => ({
  isHighestRating: true,
  withoutImprovementAtLeast: 4,
  newMeasureEligible: false,
  ...overrides,
});

describe('choosePass: improvement hold harmless', () => {
  it('uses the rating without improvement measures when it is at least 4 and higher', () => {
    const choice = choosePass([pass('with_improvement', 3.5), pass('without_improvement', 4)], rules());
    expect(choice?.pass.name).toBe('without_improvement');
    expect(choice?.reason).toMatch(/Improvement hold harmless/);
  });

  it('keeps the rating with improvement measures when the other is below 4', () => {
    const choice = choosePass([pass('with_improvement', 3), pass('without_improvement', 3.5)], rules());
    expect(choice?.pass.name).toBe('with_improvement');
  });

  it('keeps the rating with improvement measures when it is not lower', () => {
    const choice = choosePass([pass('with_improvement', 4.5), pass('without_improvement', 4.5)], rules());
    expect(choice?.pass.name).toBe('with_improvement');
  });

  it('never applies to a rating that is not the contract highest', () => {
    const choice = choosePass([pass('with_improvement', 3), pass('without_improvement', 5)], rules({ isHighestRating: false }));
    expect(choice?.pass.name).toBe('with_improvement');
    expect(choice?.reason).toMatch(/only to the highest rating/);
  });
});

describe('choosePass: new-measure hold harmless', () => {
  const passes = [
    pass('with_improvement', 3.5),
    pass('without_improvement', 3.5),
    pass('with_improvement_without_new_measures', 4),
    pass('without_improvement_without_new_measures', 4.5),
  ];

  it('uses the higher rating without the new measures for an eligible contract', () => {
    const choice = choosePass(passes, rules({ newMeasureEligible: true }));
    expect(choice?.pass.name).toBe('without_improvement_without_new_measures');
    expect(choice?.reason).toMatch(/New-measure hold harmless: 4.5 without the new measures is higher than 3.5/);
  });

  it('applies the improvement rule inside the without-new-measures side only on the highest rating', () => {
    const choice = choosePass(passes, rules({ newMeasureEligible: true, isHighestRating: false }));
    expect(choice?.pass.name).toBe('with_improvement_without_new_measures');
  });

  it('ignores the without-new-measures passes when the contract is not eligible', () => {
    expect(choosePass(passes, rules())?.pass.name).toBe('with_improvement');
  });

  it('keeps the rating with the new measures when leaving them out is not higher', () => {
    const even = [pass('with_improvement', 4), pass('with_improvement_without_new_measures', 4)];
    expect(choosePass(even, rules({ newMeasureEligible: true, isHighestRating: false }))?.pass.name).toBe('with_improvement');
  });
});

describe('isNewMeasureHoldHarmlessEligible (2026: C04/C05 with 2023 disasters, C13 with 2024)', () => {
  const method = loadStarMethod(2026);
  const contract = (measures: Record<string, MeasureOutcome>, disaster: Record<number, number>): ContractStarInput => ({
    contractId: 'H0001',
    contractType: 'ma_pd',
    puertoRicoOnly: false,
    measures,
    disasterPercentByYear: disaster,
    finalAdjustmentCategory: {},
  });

  it.each([
    ['C04/C05 only, 2023 at 25%', { C04: 3, C05: 'not_enough_data' }, { 2023: 25, 2024: 0 }, true],
    ['C04/C05 only, 2023 at 24%', { C04: 3, C05: 4 }, { 2023: 24, 2024: 100 }, false],
    ['C13 only, 2024 at 60%', { C04: 'too_small', C13: 2 }, { 2023: 0, 2024: 60 }, true],
    ['C13 only, 2023 at 100%', { C13: 2 }, { 2023: 100, 2024: 0 }, false],
    ['both, 2023 qualifies', { C05: 2, C13: 2 }, { 2023: 30, 2024: 0 }, true],
    ['both, 2024 qualifies', { C05: 2, C13: 2 }, { 2023: 0, 2024: 30 }, true],
    ['no new-measure stars', { C01: 2 }, { 2023: 100, 2024: 100 }, false],
  ] as const)('%s: %s', (_label, measures, disaster, expected) => {
    expect(isNewMeasureHoldHarmlessEligible(method, contract({ ...measures }, { ...disaster }))).toBe(expected);
  });
});
