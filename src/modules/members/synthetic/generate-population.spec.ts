import { loadMeasureCatalogue } from 'src/modules/measures/measure-catalogue';
import { MeasureCode, measureKey } from 'src/modules/measures/measure-code';
import { eligibleMeasures } from 'src/modules/members/eligibility';
import { numeratorMetToDate } from 'src/modules/members/numerator-status';
import { generatePopulation, Population } from 'src/modules/members/synthetic/generate-population';
import { PlanArchetype } from 'src/modules/members/synthetic/plan-archetype';
import {
  CONDITION_PREVALENCE,
  FEMALE_SHARE_TARGET,
  MULTIMORBIDITY,
  NamedCondition,
} from 'src/modules/members/synthetic/population-shape';
import { PopulationSummary, summarizePopulation } from 'src/modules/members/synthetic/population-summary';

/**
 * Tolerances: each prevalence within 1.5 points of the reference (about 4 standard errors at 40,000
 * members); the female share within 2 points; the multimorbidity shares within 3 points; each measure's
 * year-end rate within 3 binomial standard errors of its target plus half a point (the PDC intercepts
 * are fitted on a sample).
 */
const PREVALENCE_TOLERANCE = 0.015;
const rateTolerance = (target: number, eligible: number): number =>
  3 * Math.sqrt((target * (1 - target)) / eligible) + 0.005;

/** Measures whose rate misses its target, described, so a failure says which and by how much. */
function misses(summary: PopulationSummary): string[] {
  return summary.measures
    .filter((m) => Math.abs(m.rate - m.target) > rateTolerance(m.target, m.eligible))
    .map((m) => `${m.measure}: ${m.rate.toFixed(4)} vs target ${m.target.toFixed(4)} (n=${m.eligible})`);
}

const catalogue = loadMeasureCatalogue(2026);
const generate = (members: number, seed: number, plan: PlanArchetype): Population =>
  generatePopulation({ members, seed, plan, catalogue });

describe(generatePopulation.name, () => {
  let population: Population;
  let summary: PopulationSummary;

  beforeAll(() => {
    population = generate(40_000, 42, PlanArchetype.ThreeAndHalfStar);
    summary = summarizePopulation(population);
  });

  it('lands each chronic-condition prevalence on the Medicare reference', () => {
    const off = Object.entries(CONDITION_PREVALENCE)
      .map(([name, target]) => ({ name, target, actual: summary.prevalence[name as NamedCondition] }))
      .filter(({ target, actual }) => Math.abs(actual - target) > PREVALENCE_TOLERANCE);
    expect(off).toEqual([]);
  });

  it('lands the sex mix and multimorbidity on the reference', () => {
    expect(Math.abs(summary.shares.female - FEMALE_SHARE_TARGET)).toBeLessThanOrEqual(0.02);
    expect(Math.abs(summary.multimorbidity.twoOrMore - MULTIMORBIDITY.twoOrMore)).toBeLessThanOrEqual(0.03);
    expect(Math.abs(summary.multimorbidity.fourOrMore - MULTIMORBIDITY.fourOrMore)).toBeLessThanOrEqual(0.03);
  });

  it('lands the plan profile shares for LIS/dual, disability and under-65', () => {
    expect(summary.shares.lisDual).toBeCloseTo(0.32, 1);
    expect(summary.shares.disabled).toBeCloseTo(0.24, 1);
    expect(summary.shares.under65).toBeCloseTo(0.12, 1);
  });

  it("lands every measure's year-end rate on the 3.5-star target", () => {
    expect(misses(summary)).toEqual([]);
    const small = summary.measures.filter((m) => m.eligible < (m.measure === MeasureCode.Omw ? 150 : 2000));
    expect(small).toEqual([]);
  });

  it('labels exactly the measures the eligibility engine puts the member in', () => {
    for (const line of population.members.slice(0, 3000)) {
      const labelled = Object.keys(line.year_end_compliance).sort();
      expect(labelled).toEqual(eligibleMeasures(line.member).map(measureKey).sort());
    }
  });

  it('gives prior-year compliance real predictive signal', () => {
    const rateBy = (prior: boolean): number => {
      const group = population.members.filter((line) => line.member.prior_year_compliance.bcs === prior);
      return group.filter((line) => line.year_end_compliance.bcs).length / group.length;
    };
    expect(rateBy(true) - rateBy(false)).toBeGreaterThan(0.2);
  });

  it('never labels open a screening or statin measure the record already shows met', () => {
    const { Bcs, Col, Omw, Eed, Ked, Spc, Supd } = MeasureCode;
    const contradictions = population.members.flatMap((line) => {
      const met = numeratorMetToDate(line.member);
      return [Bcs, Col, Omw, Eed, Ked, Spc, Supd].filter(
        (code) => met[code] && line.year_end_compliance[measureKey(code)] === false,
      );
    });
    expect(contradictions).toEqual([]);
  });
});

describe(`${generatePopulation.name} archetypes and reproducibility`, () => {
  it.each([PlanArchetype.ThreeStar, PlanArchetype.FourStar, PlanArchetype.FourAndHalfStar])(
    'lands every measure on the %s target',
    (plan) => {
      expect(misses(summarizePopulation(generate(15_000, 7, plan)))).toEqual([]);
    },
  );

  it('gives byte-identical output for the same seed and different output for another', () => {
    const first = JSON.stringify(generate(1500, 99, PlanArchetype.FourStar).members);
    expect(JSON.stringify(generate(1500, 99, PlanArchetype.FourStar).members)).toBe(first);
    expect(JSON.stringify(generate(1500, 100, PlanArchetype.FourStar).members)).not.toBe(first);
  });

  it('rejects an as-of date outside the measurement year', () => {
    const options = { members: 10, seed: 1, plan: PlanArchetype.FourStar, catalogue, asOfDate: '2025-12-31' };
    expect(() => generatePopulation(options)).toThrow(RangeError);
  });
});
