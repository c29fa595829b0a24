import { Role } from 'src/modules/auth/role';
import { MEASURE_CODES } from 'src/modules/measures/measure-code';
import { issueKey, withKey } from 'test/utils/api-keys';
import { insertGaps, insertPredictions, members } from 'test/utils/measure-data';
import { createTestApp, TestApp } from 'test/utils/test-app';

describe('Measures API (e2e)', () => {
  let t: TestApp;
  let analyst: string;

  beforeAll(async () => {
    t = await createTestApp();
  });

  beforeEach(async () => {
    await t.truncate();
    analyst = (await issueKey(t.app, Role.Analyst)).api_key;
  });

  afterAll(() => t.close());

  const get = (url: string, key = analyst) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: withKey(key) });

  describe('GET /measures', () => {
    it('returns the 2026 catalogue with its source and the assumptions note', async () => {
      const res = await get('/measures');
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ star_year: 2026, measurement_year: 2024 });
      expect(body.interventions_note).toMatch(/assumptions/);
      expect(body.measures.map((m: { code: string }) => m.code)).toEqual(MEASURE_CODES);
      expect(body.measures[0]).toMatchObject({ code: 'BCS', cms_id: 'C01', cut_points: { two_star: 58, five_star: 84 } });
    });

    it.each([Role.Analyst, Role.Integration, Role.Admin])('lets %s read it', async (role) => {
      const key = (await issueKey(t.app, role)).api_key;
      expect((await get('/measures', key)).statusCode).toBe(200);
    });

    it('denies the auditor and callers without a key', async () => {
      const auditor = (await issueKey(t.app, Role.Auditor)).api_key;
      expect((await get('/measures', auditor)).statusCode).toBe(403);
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/measures' })).statusCode).toBe(401);
    });
  });

  describe('GET /measures/{code}', () => {
    it('finds a measure case-insensitively', async () => {
      const res = await get('/measures/pdc-dr');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ code: 'PDC-DR', cms_id: 'D08', part: 'D', weight: 3, pdp_cut_points: { two_star: 85 } });
    });

    it('answers an unknown code with a 404 problem listing the valid codes, without echoing it', async () => {
      const res = await get('/measures/NOPE1');
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ status: 404, code: 'NOT_FOUND', valid_codes: [...MEASURE_CODES] });
      expect(res.body).not.toContain('NOPE1');
    });
  });

  describe('GET /measures/{code}/performance', () => {
    it('gives honest zeros and nulls before any prediction exists', async () => {
      const res = await get('/measures/BCS/performance');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        measure_code: 'BCS',
        cms_id: 'C01',
        star_year: 2026,
        eligible_members: 0,
        compliant_members: 0,
        current_compliance_rate: null,
        predicted_compliance_rate: null,
        open_gaps: 0,
        closed_gaps: 0,
        latest_prediction_at: null,
        cut_points: { two_star: 58, three_star: 71, four_star: 76, five_star: 84 },
        current: null,
        projected: null,
      });
    });

    it("reads each member's latest prediction and the gap list against the cut points", async () => {
      // COL cut points 48/60/70/78. 11 members met to date; 9 not, of whom 2 have since had their gap closed.
      await insertPredictions(t.dataSource, [
        ...members('met', 11, 'COL', { gapProbability: 0, metToDate: 1 }),
        ...members('open', 9, 'COL', { gapProbability: 0.6, metToDate: 0 }),
        // An older prediction of a member already counted: ignored.
        { member: 'met-1', measure: 'COL', gapProbability: 0.9, metToDate: 0, date: '2026-01-15T00:00:00Z' },
        { member: 'other', measure: 'BCS', gapProbability: 0.1, metToDate: 1 },
      ]);
      await insertGaps(t.dataSource, [
        { member: 'open-1', measure: 'COL', status: 'closed' },
        { member: 'open-2', measure: 'COL', status: 'closed' },
        ...['pending', 'pending', 'in_progress', 'pending', 'scheduled', 'pending'].map((status, i) => ({
          member: `open-${i + 3}`,
          measure: 'COL',
          status,
        })),
      ]);

      const res = await get('/measures/col/performance');
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({
        measure_code: 'COL',
        eligible_members: 20,
        compliant_members: 13,
        current_compliance_rate: 0.65,
        predicted_compliance_rate: 0.73, // (11 + 9 × 0.4) / 20
        open_gaps: 6,
        closed_gaps: 2,
        latest_prediction_at: '2026-06-30T00:00:00.000Z',
      });
      // 13/20 = 65 % -> 3 stars; 14/20 = 70 % earns 4; 12/20 = 60 % still holds 3.
      expect(body.current).toEqual({
        score_percent: 65,
        rounded_score: 65,
        stars: 3,
        next_cut_point: 70,
        members_to_next_cut_point: 1,
        cut_point_below: 60,
        margin_members: 1,
      });
      // 14.6/20 = 73 % -> 4 stars; one more member reaches 77.5 %, which rounds to 78.
      expect(body.projected).toMatchObject({ stars: 4, next_cut_point: 78, members_to_next_cut_point: 1, cut_point_below: 70, margin_members: 0 });
    });

    it('404s an unknown code and is closed to the auditor', async () => {
      expect((await get('/measures/XYZ/performance')).statusCode).toBe(404);
      const auditor = (await issueKey(t.app, Role.Auditor)).api_key;
      expect((await get('/measures/COL/performance', auditor)).statusCode).toBe(403);
    });
  });
});
