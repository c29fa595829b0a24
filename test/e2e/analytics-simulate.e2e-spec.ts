import { Role } from 'src/modules/auth/role';
import { MEASURE_CODES } from 'src/modules/measures/measure-code';
import { issueKey, withKey } from 'test/utils/api-keys';
import { profileBody } from 'test/utils/analytics-data';
import { insertGaps, insertPredictions, members } from 'test/utils/measure-data';
import { createTestApp, TestApp } from 'test/utils/test-app';

const URL = '/api/v1/analytics/simulate';
const everyMeasureAt = (rate: number) => MEASURE_CODES.map((code) => ({ type: 'set_rate', measure_code: code, rate }));

describe('POST /analytics/simulate (e2e)', () => {
  let t: TestApp;
  let admin: string;
  let analyst: string;

  beforeAll(async () => {
    t = await createTestApp();
  });

  beforeEach(async () => {
    await t.truncate();
    admin = (await issueKey(t.app, Role.Admin)).api_key;
    analyst = (await issueKey(t.app, Role.Analyst)).api_key;
  });

  afterAll(() => t.close());

  const setProfile = (overrides: Record<string, unknown> = {}) =>
    t.app.inject({ method: 'PUT', url: '/api/v1/analytics/contract-profile', headers: withKey(admin), payload: profileBody(overrides) });
  const simulate = (payload: Record<string, unknown>, key = analyst) => t.app.inject({ method: 'POST', url: URL, headers: withKey(key), payload });

  const seedCol = async () => {
    // COL: 13 of 20 compliant now (65 % -> 3 stars); 7 open.
    await insertPredictions(t.dataSource, [
      ...members('met', 11, 'COL', { gapProbability: 0, metToDate: 1 }),
      ...members('open', 9, 'COL', { gapProbability: 0.6, metToDate: 0 }),
    ]);
    await insertGaps(t.dataSource, [
      { member: 'open-1', measure: 'COL', status: 'closed' },
      { member: 'open-2', measure: 'COL', status: 'closed' },
    ]);
  };

  it('closes gaps on a measure and reports stars before and after, the bonus threshold and half-star lifts', async () => {
    await setProfile();
    await seedCol();
    const res = await simulate({ basis: 'current', scenarios: [{ name: 'One more COL screening', changes: [{ type: 'close_gaps', measure_code: 'COL', gaps: 1 }] }] });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ star_year: 2026, rated_as: 'ma_pd', basis: 'current' });
    const [scenario] = body.scenarios;
    expect(scenario.name).toBe('One more COL screening');
    expect(scenario.measures.find((m: { measure_code: string }) => m.measure_code === 'COL')).toMatchObject({
      eligible_members: 20,
      rate_before: 0.65,
      rate_after: 0.7,
      stars_before: 3,
      stars_after: 4,
      cut_points_after: { two_star: 48, three_star: 60, four_star: 70, five_star: 78 },
    });
    expect(scenario.headline_rating).toBe('overall');
    expect(scenario.headline).toEqual(scenario.overall);
    expect(scenario.overall).toMatchObject({ status_before: 'rated', status_after: 'rated' });
    expect(scenario.bonus_threshold).toMatchObject({ threshold_stars: 4 });
    expect(scenario.half_star_lifts).toHaveLength(12);
    const colLift = scenario.half_star_lifts.find((lift: { measure_code: string }) => lift.measure_code === 'COL');
    expect(colLift.stars_now).toBe(4);
    expect(colLift.stars_needed === null ? colLift.note : colLift.additional_members).toBeDefined();
    const bcsLift = scenario.half_star_lifts.find((lift: { measure_code: string }) => lift.measure_code === 'BCS');
    expect(bcsLift).toMatchObject({ stars_now: null, stars_needed: null, note: 'no data: no eligible members stored and no rate set' });
  });

  it('shows the 4-star bonus threshold crossed down and not crossed', async () => {
    await setProfile(); // every other measure at 4 stars: rated 4.5 with no predicted data
    const res = await simulate({
      scenarios: [
        { name: 'All 12 at 10 %', changes: everyMeasureAt(0.1) },
        { name: 'All 12 at 99 %', changes: everyMeasureAt(0.99) },
      ],
    });
    expect(res.statusCode).toBe(200);
    const [down, up] = res.json().scenarios;
    expect(down.overall.before).toBe(4.5);
    expect(down.overall.after).toBeLessThan(4);
    expect(down.bonus_threshold).toEqual({ threshold_stars: 4, qualifies_before: true, qualifies_after: false, crossed: 'down' });
    expect(up.bonus_threshold.crossed).toBe('none');
    expect(up.measures.every((m: { stars_after: number }) => m.stars_after === 5)).toBe(true);
  });

  it('moves cut points by the guardrail and changes the CAI category', async () => {
    await setProfile();
    await seedCol();
    const res = await simulate({
      basis: 'current',
      scenarios: [
        { name: 'Cut points +5', changes: [{ type: 'move_cut_points', shift_points: 5 }] },
        { name: 'COL cut points +6', changes: [{ type: 'move_cut_points', measure_code: 'COL', shift_points: 6 }] },
        { name: 'CAI 1', changes: [{ type: 'set_cai_category', rating: 'overall', category: 1 }] },
      ],
    });
    expect(res.statusCode).toBe(200);
    const [guardrail, beyond, cai] = res.json().scenarios;
    const colOf = (scenario: { measures: Array<{ measure_code: string }> }) => scenario.measures.find((m) => m.measure_code === 'COL');
    // 65 % sits exactly on the raised 3-star cut point (60 + 5), and falls below it at + 6.
    expect(colOf(guardrail)).toMatchObject({ stars_before: 3, stars_after: 3, cut_points_after: { two_star: 53, three_star: 65, four_star: 75, five_star: 83 } });
    expect(colOf(beyond)).toMatchObject({ stars_before: 3, stars_after: 2, cut_points_after: { three_star: 66 } });
    expect(beyond.measures.find((m: { measure_code: string }) => m.measure_code === 'BCS').cut_points_after.two_star).toBe(58);
    expect(cai.overall.after).toBeLessThanOrEqual(cai.overall.before);
  });

  describe('bad input', () => {
    beforeEach(() => setProfile());

    const fieldsOf = async (payload: Record<string, unknown>, status = 400) => {
      const res = await simulate(payload);
      expect(res.statusCode).toBe(status);
      return [...new Set(res.json().errors.map((error: { field: string }) => error.field))];
    };
    const one = (change: Record<string, unknown>) => ({ scenarios: [{ name: 's', changes: [change] }] });

    it('names each malformed change field', async () => {
      expect(await fieldsOf({ scenarios: [] })).toEqual(['scenarios']);
      expect(await fieldsOf(one({ type: 'close_everything' }))).toEqual(['scenarios.0.changes.0.type']);
      expect(await fieldsOf(one({ type: 'close_gaps', measure_code: 'COL' }))).toEqual(['scenarios.0.changes.0.gaps']);
      expect(await fieldsOf(one({ type: 'set_rate', measure_code: 'XYZ', rate: 1.5 }))).toEqual([
        'scenarios.0.changes.0.measure_code',
        'scenarios.0.changes.0.rate',
      ]);
      expect(await fieldsOf(one({ type: 'set_rate', measure_code: 'COL', rate: 0.5, gaps: 3 }))).toEqual(['scenarios.0.changes.0.type']);
      expect(await fieldsOf(one({ type: 'move_cut_points', shift_points: 0 }))).toEqual(['scenarios.0.changes.0.shift_points']);
      expect(await fieldsOf({ basis: 'someday', ...one({ type: 'set_cai_category', rating: 'overall', category: 10 }) })).toEqual([
        'basis',
        'scenarios.0.changes.0.category',
      ]);
    });

    it('checks changes against the Star year: CAI categories that exist, cut points within 0-100', async () => {
      expect(await fieldsOf(one({ type: 'set_cai_category', rating: 'part_d', category: 7 }))).toEqual(['scenarios.0.changes.0.category']);
      expect(await fieldsOf(one({ type: 'move_cut_points', shift_points: 10 }))).toEqual(['scenarios.0.changes.0.shift_points']);
    });

    it("answers 422 for changes the plan's data cannot take", async () => {
      await seedCol();
      const res = await simulate({
        basis: 'current',
        scenarios: [
          { name: 'ok', changes: [{ type: 'close_gaps', measure_code: 'COL', gaps: 7 }] },
          { name: 'too many', changes: [{ type: 'close_gaps', measure_code: 'COL', gaps: 8 }, { type: 'close_gaps', measure_code: 'BCS', gaps: 1 }] },
        ],
      });
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ code: 'SCENARIO_NOT_APPLICABLE' });
      expect(res.json().errors).toEqual([
        { field: 'scenarios.1.changes.0.gaps', message: 'exceeds the 7 members not yet compliant on this basis' },
        { field: 'scenarios.1.changes.1.measure_code', message: 'has no eligible members stored; use set_rate instead' },
      ]);
    });
  });

  it('needs the contract profile, and is for analysts and admins', async () => {
    const body = { scenarios: [{ name: 's', changes: [{ type: 'set_rate', measure_code: 'COL', rate: 0.7 }] }] };
    expect((await simulate(body)).json()).toMatchObject({ status: 409, code: 'CONTRACT_PROFILE_REQUIRED' });
    await setProfile();
    expect((await simulate(body, admin)).statusCode).toBe(200);
    for (const role of [Role.Integration, Role.Auditor]) {
      expect((await simulate(body, (await issueKey(t.app, role)).api_key)).statusCode).toBe(403);
    }
  });
});
