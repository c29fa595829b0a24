import { MeasureState } from 'src/modules/analytics/plan-state';
import { RatedAs } from 'src/modules/analytics/rated-as';
import { applyChanges } from 'src/modules/analytics/scenario';
import { loadStarMethod } from 'src/modules/analytics/star-rating/load-star-method';
import { testParts, testStates } from 'src/modules/analytics/testing/plan.fixture';
import { MeasureCode } from 'src/modules/measures/measure-code';

const method = loadStarMethod(2026);
const base = { parts: testParts(), states: testStates({ [MeasureCode.Col]: [650, 1000], [MeasureCode.Bcs]: [700, 1000] }) };
const col = (states: readonly MeasureState[]) => states.find((state) => state.measure.code === MeasureCode.Col)!;

describe(applyChanges.name, () => {
  it('closes gaps by adding compliant members, leaving the base untouched', () => {
    const { result, invalid, notApplicable } = applyChanges(method, base, [{ type: 'close_gaps', measureCode: MeasureCode.Col, gaps: 50 }], 'c');
    expect([invalid, notApplicable]).toEqual([[], []]);
    expect(col(result.states)).toMatchObject({ compliant: 700, rate: 0.7 });
    expect(col(base.states)).toMatchObject({ compliant: 650, rate: 0.65 });
  });

  it('refuses to close more gaps than are open, or gaps on a measure without members', () => {
    const tooMany = applyChanges(method, base, [{ type: 'close_gaps', measureCode: MeasureCode.Col, gaps: 351 }], 'c');
    expect(tooMany.notApplicable).toEqual([{ field: 'c.0.gaps', message: 'exceeds the 350 members not yet compliant on this basis' }]);
    const empty = applyChanges(method, base, [{ type: 'close_gaps', measureCode: MeasureCode.Ked, gaps: 1 }], 'c');
    expect(empty.notApplicable.map((problem) => problem.field)).toEqual(['c.0.measure_code']);
  });

  it('sets a rate, also on a measure with no stored members', () => {
    const { result } = applyChanges(
      method,
      base,
      [
        { type: 'set_rate', measureCode: MeasureCode.Col, rate: 0.8 },
        { type: 'set_rate', measureCode: MeasureCode.Ked, rate: 0.7 },
      ],
      'c',
    );
    expect(col(result.states)).toMatchObject({ rate: 0.8, compliant: 800 });
    expect(result.states.find((state) => state.measure.code === MeasureCode.Ked)).toMatchObject({ rate: 0.7, eligible: 0 });
  });

  it('moves one measure\'s cut points, or every measure\'s, and refuses to leave 0-100', () => {
    const one = applyChanges(method, base, [{ type: 'move_cut_points', measureCode: MeasureCode.Col, shiftPoints: 5 }], 'c').result;
    expect(col(one.states).rule.cutPoints).toEqual([53, 65, 75, 83]);
    expect(one.states.find((state) => state.measure.code === MeasureCode.Bcs)!.rule.cutPoints).toEqual([58, 71, 76, 84]);
    const all = applyChanges(method, base, [{ type: 'move_cut_points', shiftPoints: -5 }], 'c').result;
    expect(all.states.every((state, i) => state.rule.cutPoints[0] === base.states[i].rule.cutPoints[0] - 5)).toBe(true);
    const out = applyChanges(method, base, [{ type: 'move_cut_points', shiftPoints: 10 }], 'c'); // SUPD 5 stars at 93
    expect(out.invalid).toEqual([{ field: 'c.0.shift_points', message: 'moves a cut point outside 0-100' }]);
  });

  it('changes a CAI category only to one that exists for the rating', () => {
    const ok = applyChanges(method, base, [{ type: 'set_cai_category', rating: 'overall', category: 9 }], 'c');
    expect(ok.result.parts.cai).toEqual({ overall: 9 });
    expect(base.parts.cai).toEqual({});
    const bad = applyChanges(method, base, [{ type: 'set_cai_category', rating: 'part_d', category: 7 }], 'c');
    expect(bad.invalid.map((problem) => problem.field)).toEqual(['c.0.category']);
  });

  it('refuses a measure the contract type is not rated on', () => {
    const pdp = { parts: testParts(4, { ratedAs: RatedAs.Pdp, measureStars: {} }), states: testStates({}, RatedAs.Pdp) };
    const { invalid } = applyChanges(method, pdp, [{ type: 'set_rate', measureCode: MeasureCode.Col, rate: 0.9 }], 'c');
    expect(invalid).toEqual([{ field: 'c.0.measure_code', message: 'is not rated for a contract rated as pdp' }]);
  });
});
