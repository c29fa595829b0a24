import { loadMeasureCatalogue } from 'src/modules/measures/measure-catalogue';
import {
  contractScoreAt,
  parsePlanArchetype,
  PlanArchetype,
  targetRate,
} from 'src/modules/members/synthetic/plan-archetype';

const percentiles = { n_contracts: 499, p10: 61, p25: 69, p50: 75, p75: 80, p90: 84, mean: 73.6 };

describe(contractScoreAt.name, () => {
  it('returns the published percentiles at their ranks and interpolates between them', () => {
    expect(contractScoreAt(percentiles, 25)).toBe(69);
    expect(contractScoreAt(percentiles, 37.5)).toBe(72);
    expect(contractScoreAt(percentiles, 62.5)).toBe(77.5);
    expect(contractScoreAt(percentiles, 5)).toBe(61);
    expect(contractScoreAt(percentiles, 95)).toBe(84);
  });
});

describe(targetRate.name, () => {
  it('rises with the archetype for every measure', () => {
    const { ThreeStar, ThreeAndHalfStar, FourStar, FourAndHalfStar } = PlanArchetype;
    const ladder = [ThreeStar, ThreeAndHalfStar, FourStar, FourAndHalfStar];
    for (const measure of loadMeasureCatalogue(2026).measures) {
      const rates = ladder.map((plan) => targetRate(measure, plan));
      expect(rates).toEqual([...rates].sort((a, b) => a - b));
      expect(rates[0]).toBeLessThan(rates[3]);
    }
  });

  it('puts a 3.5-star plan between the 25th and 50th percentile of contracts', () => {
    const bcs = loadMeasureCatalogue(2026).measures[0];
    expect(targetRate(bcs, PlanArchetype.ThreeAndHalfStar)).toBeCloseTo(0.72, 6);
  });
});

describe(parsePlanArchetype.name, () => {
  it('accepts the four archetypes only', () => {
    expect(parsePlanArchetype('3.5-star')).toBe(PlanArchetype.ThreeAndHalfStar);
    expect(parsePlanArchetype('5-star')).toBeNull();
  });
});
