import { Role } from 'src/modules/auth/role';
import { issueKey, withKey } from 'test/utils/api-keys';
import { calculateBody, cmsContracts } from 'test/utils/analytics-data';
import { createTestApp, TestApp } from 'test/utils/test-app';

const URL = '/api/v1/analytics/star-rating/calculate';
const isNumeric = (label: string) => /^\d(\.5)?$/.test(label);

describe('POST /analytics/star-rating/calculate (e2e)', () => {
  let t: TestApp;
  let analyst: string;

  beforeAll(async () => {
    t = await createTestApp();
    await t.truncate();
    analyst = (await issueKey(t.app, Role.Analyst)).api_key;
  });

  afterAll(() => t.close());

  const calculate = (payload: unknown, key = analyst) =>
    t.app.inject({ method: 'POST', url: URL, headers: withKey(key), payload: payload as Record<string, unknown> });

  const fieldsOf = async (payload: unknown): Promise<string[]> => {
    const res = await calculate(payload);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    return res.json().errors.map((error: { field: string }) => error.field);
  };

  it("reproduces CMS's published 2026 ratings for MA-PD, MA-only and PDP contracts", async () => {
    const contracts = cmsContracts();
    const sample = [
      ...contracts.filter((c) => c.input.contractType === 'ma_pd' && isNumeric(c.published.overall)).slice(0, 12),
      ...contracts.filter((c) => c.input.contractType === 'ma_only' && isNumeric(c.published.partC)).slice(0, 4),
      ...contracts.filter((c) => c.input.contractType === 'pdp' && isNumeric(c.published.partD)).slice(0, 4),
      // Hold harmless at work: improvement (E3014 PDP, H0292 MA-PD, H5256 MA-only) and new measures (H1036, H5427).
      ...contracts.filter((c) => ['E3014', 'H0292', 'H5256', 'H1036', 'H5427'].includes(c.input.contractId)),
    ];
    expect(sample.length).toBeGreaterThanOrEqual(20);
    for (const contract of sample) {
      const res = await calculate(calculateBody(contract));
      expect(res.statusCode).toBe(200);
      const body = res.json();
      const published = { part_c: contract.published.partC, part_d: contract.published.partD, overall: contract.published.overall };
      for (const [summary, label] of Object.entries(published)) {
        if (isNumeric(label)) expect({ id: contract.input.contractId, summary, stars: body[summary].stars }).toEqual({ id: contract.input.contractId, summary, stars: Number(label) });
      }
    }
  });

  it('returns every pass with its mean, variance, reward factor and CAI, and why one was chosen', async () => {
    const contract = cmsContracts().find((c) => c.input.contractType === 'ma_pd' && isNumeric(c.published.overall))!;
    const body = (await calculate(calculateBody(contract))).json();
    expect(body).toMatchObject({ contract_id: contract.input.contractId, star_year: 2026, rated_as: 'ma_pd', headline_rating: 'overall' });
    expect(body.headline_stars).toBe(body.overall.stars);
    expect(body.overall.passes.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['with_improvement', 'without_improvement']));
    expect(body.overall.passes[0]).toEqual(
      expect.objectContaining({
        threshold_row: 'with_improvement/with_new_measures',
        rating_kind: 'overall',
        weighted_mean: expect.any(Number),
        weighted_variance_rounded: expect.any(Number),
        reward_factor: expect.any(Number),
        cai: expect.any(Number),
        final_score: expect.any(Number),
      }),
    );
    expect(body.overall.chosen_pass).toBeDefined();
    expect(body.overall.reason).toMatch(/rated of \d+ required measures/);
  });

  it('turns the 12 measures\' scores into stars with the cut points, PDP cut points for a PDP', async () => {
    const maPd = (await calculate({ rated_as: 'ma_pd', measure_scores: { BCS: 83.5, 'PDC-DR': 86.4 }, measure_stars: { C03: 4 } })).json();
    expect(maPd.scored_measures).toEqual([
      { measure_code: 'BCS', cms_id: 'C01', score: 83.5, rounded_score: 84, stars: 5 },
      { measure_code: 'PDC-DR', cms_id: 'D08', score: 86.4, rounded_score: 86, stars: 3 },
    ]);
    expect(maPd.measure_stars).toMatchObject({ C01: 5, D08: 3, C03: 4, C07: 'not_required', C08: 'not_required' });
    expect(maPd.overall).toMatchObject({ status: 'not_enough_data', stars: null });

    const pdp = (await calculate({ rated_as: 'pdp', measure_scores: { 'PDC-DR': 86.4 } })).json();
    expect(pdp.scored_measures[0]).toMatchObject({ stars: 2 }); // PDP: 2 stars at 85, 3 at 87
    expect(pdp).toMatchObject({ headline_rating: 'part_d', part_c: { status: 'not_applicable' } });
  });

  describe('bad or incomplete input', () => {
    it('requires rated_as and rejects unknown fields', async () => {
      expect(await fieldsOf({ measure_stars: { C01: 4 } })).toEqual(['rated_as']);
      expect(await fieldsOf({ rated_as: 'ma_pd', measure_stars: { C01: 4 }, stars: 4 })).toEqual(['stars']);
      expect(await fieldsOf({ rated_as: 'HMO', measure_stars: { C01: 4 } })).toEqual(['rated_as']);
    });

    it('needs at least one measure', async () => {
      expect(await fieldsOf({ rated_as: 'ma_pd' })).toEqual(['measure_stars']);
    });

    it('names each bad measure star, score, CAI category and disaster share', async () => {
      const fields = await fieldsOf({
        rated_as: 'ma_pd',
        measure_stars: { C01: 6, C02: 'unknown', C07: 4, D01: 2.5 },
        measure_scores: { COL: 71, BCS: 101 },
        cai: { part_c: 4, part_d: 7 },
        disaster_percent: { '2024': 130 },
      });
      expect(fields.sort()).toEqual(
        [
          'measure_stars.C01',
          'measure_stars.C02',
          'measure_stars.C07', // SNP-only while snp is false
          'measure_stars.D01',
          'measure_scores.BCS',
          'measure_scores.COL', // also given as C02
          'cai.part_d',
          'disaster_percent.2024',
        ].sort(),
      );
    });

    it('rejects measures and CAI categories the contract type does not have, without echoing unknown keys', async () => {
      expect(await fieldsOf({ rated_as: 'pdp', measure_stars: { C01: 4, D08: 3 } })).toEqual(['measure_stars.C01']);
      expect(await fieldsOf({ rated_as: 'ma_only', measure_stars: { C01: 4 }, cai: { overall: 3 } })).toEqual(['cai.overall']);
      const res = await calculate({ rated_as: 'ma_pd', measure_stars: { 'SECRET-MEMBER-42': 4 } });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([{ field: 'measure_stars', message: expect.stringContaining('C01-C33') }]);
      expect(res.body).not.toContain('SECRET-MEMBER-42');
    });

    it('rejects a body that is not an object of the right shape', async () => {
      expect(await fieldsOf({ rated_as: 'ma_pd', measure_stars: [4, 4], cai: 5 })).toEqual(expect.arrayContaining(['measure_stars', 'cai']));
    });
  });

  it('is open to analysts and admins only', async () => {
    const body = { rated_as: 'ma_pd', measure_stars: { C01: 4, C02: 3 } };
    for (const [role, status] of [[Role.Admin, 200], [Role.Integration, 403], [Role.Auditor, 403]] as const) {
      const key = (await issueKey(t.app, role)).api_key;
      expect({ role, status: (await calculate(body, key)).statusCode }).toEqual({ role, status });
    }
    expect((await t.app.inject({ method: 'POST', url: URL, payload: body })).statusCode).toBe(401);
  });
});
