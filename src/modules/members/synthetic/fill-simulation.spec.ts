import { dayNumber } from 'src/modules/members/member-dates';
import { FillPlan, simulateFills } from 'src/modules/members/synthetic/fill-simulation';

const yearEnd = dayNumber(2026, 12, 31);
const asOf = dayNumber(2026, 6, 30);
const plan = (seed: number, overrides: Partial<FillPlan> = {}): FillPlan => ({
  firstFill: dayNumber(2026, 1, 10),
  ninetyDayChance: 0,
  score: 0,
  seed,
  ...overrides,
});
const meanYearEndPdc = (intercept: number): number => {
  let total = 0;
  for (let seed = 0; seed < 2000; seed += 1) total += simulateFills(plan(seed), intercept, asOf, yearEnd).yearEndPdc;
  return total / 2000;
};

describe(simulateFills.name, () => {
  it('is deterministic for a seed', () => {
    expect(simulateFills(plan(9), 1, asOf, yearEnd)).toEqual(simulateFills(plan(9), 1, asOf, yearEnd));
  });

  it('keeps PDC within 0-1 and counts only fills up to the as-of date', () => {
    for (let seed = 0; seed < 500; seed += 1) {
      const outcome = simulateFills(plan(seed, { ninetyDayChance: 0.5 }), 0.5, asOf, yearEnd);
      expect(outcome.pdcToDate).toBeGreaterThanOrEqual(0);
      expect(outcome.pdcToDate).toBeLessThanOrEqual(1);
      expect(outcome.yearEndPdc).toBeLessThanOrEqual(1);
      expect(outcome.lastFill).toBeLessThanOrEqual(asOf);
      expect(outcome.daysCovered).toBeLessThanOrEqual(asOf - outcome.firstFill + 1);
      expect(outcome.ninetyDayFills).toBeLessThanOrEqual(outcome.fills);
    }
  });

  it('makes members more adherent as the plan intercept rises', () => {
    expect(meanYearEndPdc(-1)).toBeLessThan(meanYearEndPdc(1));
    expect(meanYearEndPdc(1)).toBeLessThan(meanYearEndPdc(4));
    expect(meanYearEndPdc(6)).toBeGreaterThan(0.9);
  });

  it('records no fills when the first fill comes after the as-of date', () => {
    const outcome = simulateFills(plan(1, { firstFill: dayNumber(2026, 8, 1) }), 2, asOf, yearEnd);
    expect(outcome).toMatchObject({ fills: 0, pdcToDate: 0, daysCovered: 0 });
    expect(outcome.yearEndPdc).toBeGreaterThan(0);
  });
});
