import smallMethod from './testing/small-star-method.json';
import { parseStarMethod } from 'src/modules/analytics/star-rating/star-method-parser';
import { StarMethod } from 'src/modules/analytics/star-rating/star-method.types';
import { InvalidStarInputError } from 'src/modules/analytics/star-rating/star-rating.errors';
import { ContractStarInput, MeasureOutcome } from 'src/modules/analytics/star-rating/star-rating.types';
import { rateContract } from 'src/modules/analytics/star-rating/summary-rating';

/**
 * A small method whose arithmetic can be done by hand. Part C: C01 w1, C02 w1, C03 w3, C04 w1 (new,
 * 2023 data), C06 w1 (new, 2024 data), C05 w5 (improvement). Part D: D01 w1, D02 w2 (not in the
 * overall), D03 w3 (weight 0 in Puerto Rico), D04 w5 (improvement). Every Table 8/9 cell: mean
 * 65th/85th percentiles 3.5/4.0, variance 30th/70th percentiles 0.5/1.0. CAI: category 1 -0.05, 2 +0.1.
 */
const SMALL_METHOD: StarMethod = parseStarMethod(smallMethod, 'small-star-method.json');

const contract = (measures: Record<string, MeasureOutcome>, overrides: Partial<ContractStarInput> = {}): ContractStarInput => ({
  contractId: 'H0001',
  contractType: 'ma_pd',
  puertoRicoOnly: false,
  measures,
  disasterPercentByYear: {},
  finalAdjustmentCategory: {},
  ...overrides,
});

// C without improvement: W 7, S 30, mean 4.285714, variance 0.255102 -> reward 0.4 -> 4.685714 -> 4.5.
// C with improvement (C05 = 1): W 12, S 35, mean 2.916667 -> reward 0 -> 3.
const PART_C = { C01: 5, C02: 5, C03: 4, C04: 4, C06: 4, C05: 1 };
// D with improvement (D04 = 1): W 11, S 35, mean 3.181818 -> 3. Without: all 5 -> 5.4 -> capped at 5.
const PART_D = { D01: 5, D02: 5, D03: 5, D04: 1 };

describe('rateContract', () => {
  it('raises only the MA-PD overall rating with the improvement hold harmless', () => {
    const rating = rateContract(SMALL_METHOD, contract({ ...PART_C, ...PART_D }));
    expect(rating.partC).toMatchObject({ status: 'rated', stars: 3, chosenPass: 'with_improvement' });
    expect(rating.partD).toMatchObject({ status: 'rated', stars: 3, chosenPass: 'with_improvement' });
    // Overall with improvement: W 21, S 60, mean 2.857143 -> 3. Without: W 11, S 50, mean 4.545455,
    // variance 0.289256 -> reward 0.4 -> 4.945455 -> 5.
    expect(rating.overall).toMatchObject({ status: 'rated', stars: 5, chosenPass: 'without_improvement' });
    expect(rating.overall.reason).toMatch(/Improvement hold harmless: 5 without the improvement measures/);
  });

  it('exposes each pass: mean, variance, reward factor, CAI and stars', () => {
    const rating = rateContract(SMALL_METHOD, contract({ ...PART_C, ...PART_D }, { finalAdjustmentCategory: { partC: 1 } }));
    const without = rating.partC.passes.find((pass) => pass.name === 'without_improvement');
    expect(without).toMatchObject({
      thresholdRow: 'without_improvement/with_new_measures',
      measures: ['C01', 'C02', 'C03', 'C04', 'C06'],
      weightTotal: 7,
      weightedMeanRounded: 4.285714,
      weightedVarianceRounded: 0.255102,
      meanCategory: 'high',
      varianceCategory: 'low',
      rewardFactor: 0.4,
      caiCategory: 1,
      cai: -0.05,
      stars: 4.5,
    });
    expect(without?.finalScore).toBeCloseTo(4.635714, 6);
  });

  it('counts D02 once: the overall rating leaves it out', () => {
    const rating = rateContract(SMALL_METHOD, contract({ ...PART_C, ...PART_D }));
    expect(rating.partD.passes[0].measures).toContain('D02');
    expect(rating.overall.passes.every((pass) => !pass.measures.includes('D02'))).toBe(true);
  });

  it('applies the improvement hold harmless to the Part C summary of an MA-only contract', () => {
    const rating = rateContract(SMALL_METHOD, contract(PART_C, { contractType: 'ma_only' }));
    expect(rating.partC).toMatchObject({ stars: 4.5, chosenPass: 'without_improvement' });
    expect(rating.partD.status).toBe('not_applicable');
    expect(rating.overall.status).toBe('not_applicable');
  });

  it('applies the improvement hold harmless to the Part D summary of a PDP', () => {
    const rating = rateContract(SMALL_METHOD, contract(PART_D, { contractType: 'pdp' }));
    expect(rating.partD).toMatchObject({ stars: 5, chosenPass: 'without_improvement' });
    expect(rating.partD.passes[0].ratingKind).toBe('part_d_pdp');
    expect(rating.partC.status).toBe('not_applicable');
  });

  it('keeps the improvement measures when the rating without them is below 4', () => {
    // Without: W 7, S 22, mean 3.142857 -> 3. With (C05 = 1): W 12, S 27, mean 2.25 -> 2.5.
    const rating = rateContract(SMALL_METHOD, contract({ C01: 4, C02: 4, C03: 2, C04: 4, C06: 4, C05: 1 }, { contractType: 'ma_only' }));
    expect(rating.partC).toMatchObject({ stars: 2.5, chosenPass: 'with_improvement' });
  });

  it('adds the CAI of the final adjustment category before rounding', () => {
    // W 7, S 23, mean 3.285714, no reward: 3.5 with no CAI, 3.235714 -> 3 with -0.05, 3.385714 -> 3.5 with +0.1.
    const measures = { C01: 4, C02: 3, C03: 3, C04: 4, C06: 3 };
    const stars = (partC?: number): number | null =>
      rateContract(SMALL_METHOD, contract(measures, { contractType: 'ma_only', finalAdjustmentCategory: { partC } })).partC.stars;
    expect([stars(undefined), stars(1), stars(2)]).toEqual([3.5, 3, 3.5]);
    expect(() => stars(7)).toThrow(InvalidStarInputError);
  });

  it('leaves D08-style Puerto-Rico-only weights of 0 out of every pass', () => {
    const measures = { ...PART_C, D01: 5, D02: 5, D03: 1 };
    const mainland = rateContract(SMALL_METHOD, contract(measures));
    const puertoRico = rateContract(SMALL_METHOD, contract(measures, { puertoRicoOnly: true }));
    // Mainland Part D: W 6, S 18, mean 3 -> 3. Puerto Rico: D01 and D02 only, mean 5 -> 5.
    expect(mainland.partD.stars).toBe(3);
    expect(puertoRico.partD.stars).toBe(5);
    expect(puertoRico.overall.passes[0].measures).not.toContain('D03');
  });
});

describe('rateContract: new-measure hold harmless', () => {
  // With new measures: W 7, S 27, mean 3.857143, variance 4.081633 -> no reward -> 4.
  // Without C04 and C06: all 5 -> 5.4 -> 5.
  const measures = { C01: 5, C02: 5, C03: 5, C04: 1, C06: 1, D01: 5, D02: 5, D03: 5 };

  it('uses the rating without the new measures when the contract had 25% of members in 2023 disasters', () => {
    const rating = rateContract(SMALL_METHOD, contract(measures, { disasterPercentByYear: { 2023: 30 } }));
    expect(rating.partC).toMatchObject({ stars: 5, chosenPass: 'with_improvement_without_new_measures' });
    // Overall with new measures: W 11, S 47, mean 4.272727, variance 2.776860 -> 4.5; without: 5.
    expect(rating.overall).toMatchObject({ stars: 5, chosenPass: 'with_improvement_without_new_measures' });
    expect(rating.overall.passes).toHaveLength(4);
    expect(rating.overall.reason).toMatch(/New-measure hold harmless/);
  });

  it('does not apply below the disaster threshold', () => {
    const rating = rateContract(SMALL_METHOD, contract(measures, { disasterPercentByYear: { 2023: 24, 2024: 24 } }));
    expect(rating.partC).toMatchObject({ stars: 4, chosenPass: 'with_improvement' });
    expect(rating.partC.passes).toHaveLength(2);
  });

  it('ties each new measure to its own disaster year', () => {
    // Only C04 (2023 data) is rated; a 2024 disaster does not qualify the contract.
    const onlyC04 = { ...measures, C06: 'not_enough_data' as const };
    expect(rateContract(SMALL_METHOD, contract(onlyC04, { disasterPercentByYear: { 2024: 100 } })).partC.passes).toHaveLength(2);
    expect(rateContract(SMALL_METHOD, contract(onlyC04, { disasterPercentByYear: { 2023: 25 } })).partC.passes).toHaveLength(4);
  });
});

describe('rateContract: minimum numbers of rated measures', () => {
  it('gives "not enough data" below half of the required measures, still showing the computed rating', () => {
    // Part C: 2 rated of 5 required (C05 is an improvement measure and does not count); minimum 3.
    const measures = { C01: 5, C02: 4, C03: 'not_enough_data', C04: 'too_small', ...PART_D } as const;
    const rating = rateContract(SMALL_METHOD, contract({ ...measures }));
    expect(rating.partC).toMatchObject({
      status: 'not_enough_data',
      stars: null,
      ratedMeasureCount: 2,
      requiredMeasureCount: 5,
      minimumRatedMeasures: 3,
    });
    // Mean 4.5, variance 0.5 (equal to the 30th percentile: medium) -> reward 0.3 -> 4.8 -> 5.
    expect(rating.partC.computedStars).toBe(5);
    expect(rating.partD.status).toBe('rated');
    // The overall count is met (4 of 7) but an overall rating needs both summaries.
    expect(rating.overall).toMatchObject({ status: 'not_enough_data', stars: null, ratedMeasureCount: 4, minimumRatedMeasures: 4 });
    expect(rating.overall.reason).toMatch(/needs both a Part C and a Part D summary/);
  });

  it('does not count measures the contract is not required to report', () => {
    const measures = { C01: 5, C02: 4, C03: 'not_required', C04: 'benefit_not_offered', C06: 'not_required' } as const;
    const rating = rateContract(SMALL_METHOD, contract({ ...measures }, { contractType: 'ma_only' }));
    expect(rating.partC).toMatchObject({ status: 'rated', requiredMeasureCount: 2, minimumRatedMeasures: 1, stars: 5 });
  });

  it('gives no rating at all from a single measure', () => {
    const rating = rateContract(SMALL_METHOD, contract({ C01: 5 }, { contractType: 'ma_only' }));
    expect(rating.partC).toMatchObject({ status: 'not_enough_data', stars: null, computedStars: null, passes: [] });
  });

  it('rejects stars outside 1 to 5', () => {
    expect(() => rateContract(SMALL_METHOD, contract({ C01: 6, C02: 4 }))).toThrow(InvalidStarInputError);
  });
});
