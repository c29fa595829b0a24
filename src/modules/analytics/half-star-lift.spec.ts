import { halfStarLifts } from 'src/modules/analytics/half-star-lift';
import { MeasureState, ratePlan, stateStars } from 'src/modules/analytics/plan-state';
import { RatedAs } from 'src/modules/analytics/rated-as';
import { headlineStars } from 'src/modules/analytics/star-rating.mapper';
import { loadStarMethod } from 'src/modules/analytics/star-rating/load-star-method';
import { testParts, testStates } from 'src/modules/analytics/testing/plan.fixture';
import { MEASURE_CODES, MeasureCode } from 'src/modules/measures/measure-code';
import { measureStars } from 'src/modules/analytics/star-rating/measure-stars';

const method = loadStarMethod(2026);
// Every predicted measure at 75 % of 1,000 members; the other measures at 3 stars: 2.73, rated 2.5.
const states = testStates(Object.fromEntries(MEASURE_CODES.map((code) => [code, [750, 1000]])));
const parts = testParts(3);
const plan = { parts, states };
const headlineOf = (candidate: readonly MeasureState[]) => headlineStars(ratePlan(method, parts, candidate), RatedAs.MaPd);
const withRate = (state: MeasureState, rate: number) => states.map((other) => (other === state ? { ...state, rate } : other));

describe(halfStarLifts.name, () => {
  const now = headlineOf(states)!;
  const lifts = halfStarLifts(method, plan, now);

  it('has a headline to lift', () => {
    expect(now).toBe(2.5);
  });

  it('finds GSD at 3 stars with 15 more members (76.5 % rounds to the 77 % cut point)', () => {
    const gsd = lifts.find((lift) => lift.state.measure.code === MeasureCode.Gsd)!;
    expect(gsd).toMatchObject({ starsNow: 2, starsNeeded: 3, additionalMembers: 15, rateNeeded: 0.765, headlineAfter: 3, note: null });
  });

  it('finds a lift on the heavy measures, and each is the lowest star level that works', () => {
    const found = lifts.filter((lift) => lift.starsNeeded !== null);
    expect(found.map((lift) => lift.state.measure.code)).toEqual(expect.arrayContaining([MeasureCode.Gsd, MeasureCode.Cbp, MeasureCode.PdcDr]));
    for (const lift of found) {
      expect(lift.headlineAfter).toBeGreaterThanOrEqual(now + 0.5);
      expect(headlineOf(withRate(lift.state, lift.rateNeeded!))).toBe(lift.headlineAfter);
      for (let stars = lift.starsNow! + 1; stars < lift.starsNeeded!; stars++) {
        const cutPoint = lift.state.rule.cutPoints[stars - 2];
        expect(headlineOf(withRate(lift.state, cutPoint / 100))! < now + 0.5).toBe(true);
      }
    }
  });

  it('counts the fewest members: one fewer falls short of the star needed', () => {
    for (const lift of lifts.filter((item) => item.additionalMembers !== null)) {
      const { state } = lift;
      expect(measureStars((100 * (state.compliant + lift.additionalMembers!)) / state.eligible, state.rule)).toBe(lift.starsNeeded);
      expect(measureStars((100 * (state.compliant + lift.additionalMembers! - 1)) / state.eligible, state.rule)).toBeLessThan(lift.starsNeeded!);
    }
  });

  it('explains measures that cannot lift the rating alone', () => {
    const stuck = lifts.filter((lift) => lift.starsNeeded === null);
    stuck.forEach((lift) => expect(lift.note).toMatch(/no rate on this measure alone/));
    expect(lifts.every((lift) => stateStars(lift.state) === lift.starsNow)).toBe(true);
  });

  it('says why for missing data, zero weights, no headline and 5 stars', () => {
    const sparse = { parts: testParts(3, { puertoRicoOnly: true }), states: testStates({ [MeasureCode.Col]: [600, 1000] }) };
    const notes = halfStarLifts(method, sparse, 3).map((lift) => [lift.state.measure.code, lift.note]);
    expect(notes).toContainEqual([MeasureCode.Bcs, 'no data: no eligible members stored and no rate set']);
    expect(notes).toContainEqual([MeasureCode.PdcDr, 'weighs 0 for a Puerto-Rico-only contract']);
    expect(halfStarLifts(method, plan, null)[0].note).toMatch(/not enough data/);
    expect(halfStarLifts(method, plan, 5)[0].note).toMatch(/already 5 stars/);
  });
});
