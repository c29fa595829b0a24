import { Role } from 'src/modules/auth/role';
import { issueKey, withKey } from 'test/utils/api-keys';
import { profileBody } from 'test/utils/analytics-data';
import { insertPredictions, members } from 'test/utils/measure-data';
import { createTestApp, TestApp } from 'test/utils/test-app';

type Assumption = { name: string; value: unknown; source: string };

describe('ROI and snapshots (e2e)', () => {
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
  const roi = (query: string, key = analyst) => t.app.inject({ method: 'GET', url: `/api/v1/analytics/roi${query}`, headers: withKey(key) });
  const snapshot = (payload: Record<string, unknown>, key = analyst) =>
    t.app.inject({ method: 'POST', url: '/api/v1/analytics/snapshots', headers: withKey(key), payload });
  const assumption = (body: { assumptions: Assumption[] }, name: string) => body.assumptions.find((a) => a.name === name);
  const fieldsOf = async (query: string) => {
    const res = await roi(query);
    expect(res.statusCode).toBe(400);
    return [...new Set(res.json().errors.map((e: { field: string }) => e.field))];
  };

  // COL: 20 members, 14.6 expected compliant at year end (73 %, 4 stars), so 6 open gaps on the projected basis.
  const seedCol = () =>
    insertPredictions(t.dataSource, [
      ...members('met', 11, 'COL', { gapProbability: 0, metToDate: 1 }),
      ...members('open', 9, 'COL', { gapProbability: 0.6, metToDate: 0 }),
    ]);

  describe('GET /analytics/roi', () => {
    it('values a rating change with every figure given, by hand-checkable arithmetic', async () => {
      await setProfile();
      const res = await roi('?rating_before=3.5&rating_after=4&member_months=120000&benchmark_pmpm_cents=100000&bid_pmpm_cents=90000');
      expect(res.statusCode).toBe(200);
      const body = res.json();
      // 3.5 stars: 65 % of ($1,000 - $900) x 120,000 = $7.8M rebate, no bonus.
      expect(body.before).toEqual({ stars: 3.5, quality_bonus_percent: 0, quality_bonus_cents: 0, rebate_share_percent: 65, rebate_cents: 780_000_000, total_cents: 780_000_000 });
      // 4 stars: 5 % bonus = $6M; rebate 65 % of ($1,050 - $900) x 120,000 = $11.7M.
      expect(body.after).toEqual({ stars: 4, quality_bonus_percent: 5, quality_bonus_cents: 600_000_000, rebate_share_percent: 65, rebate_cents: 1_170_000_000, total_cents: 1_770_000_000 });
      expect(body).toMatchObject({ incremental_value_cents: 990_000_000, intervention_cost_cents: 0, net_value_cents: 990_000_000, roi: null, intervention_plan: [] });
      expect(assumption(body, 'bonus_percent')).toEqual({ name: 'bonus_percent', value: 5, source: 'cms_rule' });
      expect(assumption(body, 'member_months')).toEqual({ name: 'member_months', value: 120000, source: 'request' });
      expect(body.pays_in).toMatch(/year after/);
    });

    it("prices an intervention plan from the catalogue's assumptions and rates the plan with its expected closures", async () => {
      await setProfile();
      await seedCol();
      const body = (await roi('?interventions=COL:mailed_fit_kit:5')).json();
      expect(body.intervention_plan).toEqual([
        { measure_code: 'COL', intervention: 'mailed_fit_kit', members: 5, unit_cost_cents: 2500, closure_rate: 0.22, uses_catalogue_assumptions: true, cost_cents: 12500, expected_closures: 1.1 },
      ]);
      expect(body.intervention_cost_cents).toBe(12500);
      expect(body.net_value_cents).toBe(body.incremental_value_cents - 12500);
      expect(body.member_months).toBe(120000); // profile enrollment 10,000 x 12
      expect(assumption(body, 'member_months')!.source).toBe('derived');
      expect(assumption(body, 'benchmark_pmpm_cents')).toEqual({ name: 'benchmark_pmpm_cents', value: 110000, source: 'profile' });
      expect(assumption(body, 'rating_before')!.source).toBe('projected_rating');
      expect(assumption(body, 'rating_after')!.source).toBe('projected_with_plan');
      expect(body.after.stars).toBeGreaterThanOrEqual(body.before.stars);
    });

    it('takes every assumption from the query when given', async () => {
      await setProfile();
      await seedCol();
      const body = (await roi('?interventions=COL:in_home_visit:2:15000:0.3&bonus_percent=6&rebate_share_percent_high=72&new_plan=false')).json();
      expect(body.intervention_plan[0]).toMatchObject({ unit_cost_cents: 15000, closure_rate: 0.3, uses_catalogue_assumptions: false, cost_cents: 30000 });
      expect(assumption(body, 'bonus_percent')).toEqual({ name: 'bonus_percent', value: 6, source: 'request' });
      expect(assumption(body, 'rebate_share_percent_high')).toEqual({ name: 'rebate_share_percent_high', value: 72, source: 'request' });
    });

    it('answers 422 naming what is missing rather than inventing it', async () => {
      await setProfile({ benchmark_pmpm_cents: undefined, enrollment: undefined });
      const res = await roi('?rating_before=3&rating_after=3.5');
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ code: 'ROI_INPUT_MISSING' });
      expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['member_months', 'benchmark_pmpm_cents']);
      expect((await roi('?rating_before=3&rating_after=3.5&member_months=1200&benchmark_pmpm_cents=100000')).statusCode).toBe(200);
    });

    it('rejects malformed parameters with the field of each', async () => {
      await setProfile();
      expect(await fieldsOf('?interventions=COL:teleport:many')).toEqual(['interventions.0.intervention', 'interventions.0.members']);
      expect(await fieldsOf('?interventions=COL:mailed_fit_kit:5,XYZ:outreach_call:1')).toEqual(['interventions.1.measure_code']);
      expect(await fieldsOf('?rating_before=3.7&member_months=abc&new_plan=maybe')).toEqual(['rating_before', 'member_months', 'new_plan']);
      expect(await fieldsOf('?snapshot_id=not-a-uuid')).toEqual(['snapshot_id']);
      expect(await fieldsOf('?unknown=1')).toEqual(['unknown']);
      expect(await fieldsOf(`?snapshot_id=${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}&interventions=COL:mailed_fit_kit:1`)).toEqual(['interventions']);
      expect(await fieldsOf('?interventions=COL:in_home_visit:2')).toEqual(['interventions.0.intervention']); // no catalogue default
    });

    it("answers 422 for a plan the plan's data cannot take, and for a PDP", async () => {
      await setProfile();
      await seedCol();
      const res = await roi('?interventions=COL:mailed_fit_kit:7');
      expect(res.statusCode).toBe(422);
      expect(res.json().errors).toEqual([{ field: 'interventions', message: 'reaches 7 members on COL, which has 6 open gaps stored' }]);
      await setProfile({ rated_as: 'pdp', measure_stars: { D01: 4 }, cai: {} });
      expect((await roi('?rating_before=3&rating_after=4')).json()).toMatchObject({ status: 422, code: 'ROI_NOT_APPLICABLE' });
    });

    it('needs the profile and is for analysts and admins', async () => {
      expect((await roi('')).json()).toMatchObject({ status: 409, code: 'CONTRACT_PROFILE_REQUIRED' });
      await setProfile();
      const query = '?rating_before=3&rating_after=4';
      expect((await roi(query, admin)).statusCode).toBe(200);
      for (const role of [Role.Integration, Role.Auditor]) expect((await roi(query, (await issueKey(t.app, role)).api_key)).statusCode).toBe(403);
    });
  });

  describe('POST and GET /analytics/snapshots', () => {
    it('writes the plan, its ratings and its value to portfolio_analysis, and reads it back', async () => {
      await setProfile();
      await seedCol();
      const res = await snapshot({ intervention_plan: [{ measure_code: 'COL', intervention: 'mailed_fit_kit', members: 5 }] });
      expect(res.statusCode).toBe(201);
      const saved = res.json();
      expect(saved).toMatchObject({ total_members: 20, total_gaps: 0, gap_closure_target: 1, analysis_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
      expect(saved.measures_summary.intervention_plan[0]).toMatchObject({ measure_code: 'COL', cost_cents: 12500 });
      expect(saved.measures_summary.measures).toHaveLength(12);
      expect(saved.measures_summary.ratings).toEqual({ current: expect.any(Object), projected: expect.any(Object), with_plan: expect.any(Object) });

      const valued = (await roi('?interventions=COL:mailed_fit_kit:5')).json();
      expect(saved.estimated_value).toBe((valued.net_value_cents / 100).toFixed(2));
      expect(saved.star_rating_projected).toBe(valued.after.stars);

      const [row] = await t.dataSource.query('SELECT estimated_value, star_rating_projected, measures_summary FROM portfolio_analysis WHERE analysis_id = $1', [saved.analysis_id]);
      expect(row.estimated_value).toBe(saved.estimated_value);
      expect(row.measures_summary.intervention_plan).toHaveLength(1);

      const read = await t.app.inject({ method: 'GET', url: `/api/v1/analytics/snapshots/${saved.analysis_id}`, headers: withKey(analyst) });
      expect(read.json()).toEqual(saved);

      const fromSnapshot = (await roi(`?snapshot_id=${saved.analysis_id}`)).json();
      expect(fromSnapshot.intervention_plan).toEqual(valued.intervention_plan.map((item: object) => ({ ...item, uses_catalogue_assumptions: false })));
      expect(fromSnapshot.net_value_cents).toBe(valued.net_value_cents);
    });

    it('saves a snapshot without a plan, with no value to claim', async () => {
      await setProfile();
      const saved = (await snapshot({})).json();
      expect(saved).toMatchObject({ total_members: 0, total_gaps: 0, gap_closure_target: null, estimated_value: null, star_rating_current: 4.5 });
      expect(saved.measures_summary.valuation).toEqual({ reason: 'no intervention plan saved' });
    });

    it('rejects bad input and unknown ids, and needs the profile', async () => {
      expect((await snapshot({})).statusCode).toBe(409);
      await setProfile();
      const bad = await snapshot({ intervention_plan: [{ measure_code: 'COL', intervention: 'mailed_fit_kit', members: 0 }], gap_closure_target: -1 });
      expect(bad.statusCode).toBe(400);
      expect([...new Set(bad.json().errors.map((e: { field: string }) => e.field))]).toEqual(['intervention_plan.0.members', 'gap_closure_target']);
      const get = (id: string) => t.app.inject({ method: 'GET', url: `/api/v1/analytics/snapshots/${id}`, headers: withKey(analyst) });
      expect((await get('not-a-uuid')).statusCode).toBe(400);
      expect((await get('7d9f3c1e-2b4a-4c6d-8e0f-1a2b3c4d5e6f')).json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
      expect((await roi('?snapshot_id=7d9f3c1e-2b4a-4c6d-8e0f-1a2b3c4d5e6f')).statusCode).toBe(404);
    });

    it('is for analysts and admins', async () => {
      await setProfile();
      expect((await snapshot({}, admin)).statusCode).toBe(201);
      for (const role of [Role.Integration, Role.Auditor]) expect((await snapshot({}, (await issueKey(t.app, role)).api_key)).statusCode).toBe(403);
    });
  });
});
