import { loadStarMethod } from 'src/modules/analytics/star-rating/load-star-method';
import { rateContract } from 'src/modules/analytics/star-rating/summary-rating';
import { Role } from 'src/modules/auth/role';
import { issueKey, withKey } from 'test/utils/api-keys';
import { OTHER_MA_PD_MEASURES, profileBody } from 'test/utils/analytics-data';
import { insertGaps, insertPredictions, members } from 'test/utils/measure-data';
import { createTestApp, TestApp } from 'test/utils/test-app';

const PROFILE = '/api/v1/analytics/contract-profile';
const RATING = '/api/v1/analytics/star-rating';

describe('Contract profile and the plan rating (e2e)', () => {
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

  const put = (payload: Record<string, unknown>, key = admin) => t.app.inject({ method: 'PUT', url: PROFILE, headers: withKey(key), payload });
  const get = (url: string, key = analyst) => t.app.inject({ method: 'GET', url, headers: withKey(key) });

  describe('PUT and GET /analytics/contract-profile', () => {
    it('404s before a profile is set, then returns what the admin set', async () => {
      const missing = await get(PROFILE);
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toMatchObject({ code: 'CONTRACT_PROFILE_NOT_FOUND' });

      const saved = await put(profileBody());
      expect(saved.statusCode).toBe(200);
      expect(saved.json()).toMatchObject({
        contract_id: 'H1234',
        rated_as: 'ma_pd',
        cai: { part_c: 4, part_d: 3, overall: 5 },
        enrollment: 10000,
        benchmark_pmpm_cents: 110000,
        updated_by: expect.stringMatching(/^key:/),
      });
      const read = await get(PROFILE);
      expect(read.statusCode).toBe(200);
      expect(read.json()).toEqual(saved.json());
    });

    it('replaces the whole profile on every PUT, keeping one row', async () => {
      await put(profileBody());
      const second = await put(profileBody({ enrollment: undefined, cai: { part_c: 2 }, contract_id: 'H9999' }));
      expect(second.json()).toMatchObject({ contract_id: 'H9999', enrollment: null, cai: { part_c: 2, part_d: null, overall: null } });
      const [{ count }] = await t.dataSource.query('SELECT COUNT(*)::int AS count FROM contract_profiles');
      expect(count).toBe(1);
    });

    it('refuses stars for the 12 predicted measures and names every bad field', async () => {
      const res = await put(profileBody({ measure_stars: { C01: 4, D08: 3, C03: 9 }, double_bonus_share: 1.5, benchmark_pmpm_cents: -1 }));
      expect(res.statusCode).toBe(400);
      const fields = res.json().errors.map((e: { field: string }) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['double_bonus_share', 'benchmark_pmpm_cents']));
      // Field-level DTO errors come first; the measure checks run once the shape is right.
      const measures = await put(profileBody({ measure_stars: { C01: 4, D08: 3, C03: 9 } }));
      expect(measures.json().errors).toEqual([
        { field: 'measure_stars.C01', message: expect.stringContaining('BCS, rated from stored predictions') },
        { field: 'measure_stars.D08', message: expect.stringContaining('PDC-DR') },
        { field: 'measure_stars.C03', message: expect.stringContaining('1 to 5') },
      ]);
    });

    it('lets only admins write and analysts (and admins) read', async () => {
      expect((await put(profileBody(), analyst)).statusCode).toBe(403);
      await put(profileBody());
      for (const [role, status] of [[Role.Integration, 403], [Role.Auditor, 403], [Role.Admin, 200]] as const) {
        const key = (await issueKey(t.app, role)).api_key;
        expect({ role, status: (await get(PROFILE, key)).statusCode }).toEqual({ role, status });
      }
    });
  });

  describe('GET /analytics/star-rating', () => {
    it('needs a contract profile first', async () => {
      const res = await get(RATING);
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'CONTRACT_PROFILE_REQUIRED' });
    });

    it('rates the plan from its profile and the stored rates, now and projected', async () => {
      await put(profileBody());
      // COL: 13 of 20 compliant now (65 % -> 3 stars), 73 % expected (4 stars). BCS: no data.
      await insertPredictions(t.dataSource, [
        ...members('met', 11, 'COL', { gapProbability: 0, metToDate: 1 }),
        ...members('open', 9, 'COL', { gapProbability: 0.6, metToDate: 0 }),
        // PDC-DR (83/86/89/92): 9 of 10 now (90 % -> 4 stars), 86 % expected (3 stars).
        ...members('dr-met', 9, 'PDC-DR', { gapProbability: 0.05, metToDate: 1 }),
        ...members('dr-open', 1, 'PDC-DR', { gapProbability: 0.95, metToDate: 0 }),
      ]);
      await insertGaps(t.dataSource, [
        { member: 'open-1', measure: 'COL', status: 'closed' },
        { member: 'open-2', measure: 'COL', status: 'closed' },
      ]);

      const res = await get(RATING);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ star_year: 2026, contract_id: 'H1234', rated_as: 'ma_pd' });
      const byCode = Object.fromEntries(body.measures.map((m: { measure_code: string }) => [m.measure_code, m]));
      expect(byCode.COL).toEqual({ measure_code: 'COL', cms_id: 'C02', eligible_members: 20, current_rate: 0.65, current_stars: 3, predicted_rate: 0.73, projected_stars: 4 });
      expect(byCode['PDC-DR']).toMatchObject({ current_stars: 4, predicted_rate: 0.86, projected_stars: 3 });
      expect(byCode.BCS).toMatchObject({ eligible_members: 0, current_rate: null, current_stars: null });

      const method = loadStarMethod(2026);
      const expected = (col: number, dr: number) =>
        rateContract(method, {
          contractId: 'H1234',
          contractType: 'ma_pd',
          puertoRicoOnly: false,
          measures: { ...Object.fromEntries(OTHER_MA_PD_MEASURES.map((id) => [id, 4])), C07: 'not_required', C08: 'not_required', C09: 'not_required', C02: col, D08: dr },
          disasterPercentByYear: { 2023: 0, 2024: 0 },
          finalAdjustmentCategory: { partC: 4, partD: 3, overall: 5 },
        });
      expect(body.current.overall.stars).toBe(expected(3, 4).overall.stars);
      expect(body.current.overall.passes[0].weighted_mean).toBe(expected(3, 4).overall.passes[0].weightedMean);
      expect(body.projected.overall.passes[0].weighted_mean).toBe(expected(4, 3).overall.passes[0].weightedMean);
      expect(body.projected).toMatchObject({ headline_rating: 'overall', headline_stars: expected(4, 3).overall.stars });
    });

    it('is closed to integration and auditor keys', async () => {
      for (const role of [Role.Integration, Role.Auditor]) {
        const key = (await issueKey(t.app, role)).api_key;
        expect((await get(RATING, key)).statusCode).toBe(403);
      }
    });
  });
});
