import { AccessLogRepository } from 'src/modules/audit/access-log.repository';
import { MEASURE_CODES } from 'src/modules/measures/measure-code';
import { MeasuresService } from 'src/modules/measures/measures.service';
import { DrugClassFills, Sex } from 'src/modules/members/member-record';
import { aMember, MemberOverrides } from 'src/modules/members/testing/member-record.fixture';
import { Role } from 'src/modules/auth/role';
import { recommendGap } from 'src/modules/prediction/scoring/gap-recommendation';
import { issueKey, withKey } from 'test/utils/api-keys';
import { auditRows } from 'test/utils/audit';
import { createTestApp, TestApp } from 'test/utils/test-app';

const member = (id: string, overrides: Parameters<typeof aMember>[0] = {}) => ({ member_id: id, ...aMember(overrides) });
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const fills = (pdc: number): DrugClassFills => ({
  fills: 4, first_fill_date: '2026-01-10', last_fill_date: '2026-05-20', days_covered: 150, pdc_to_date: pdc, ninety_day_fills: 0, mail_order: false,
});
/** Eligible for every measure but OMW; the record already shows COL, CBP, PDC-RASA and SUPD met. */
const chronicallyIll = (id: string, extra: Pick<MemberOverrides, 'enrollment' | 'diagnoses'> = {}) =>
  member(id, {
    enrollment: extra.enrollment,
    diagnoses: { diabetes: true, hypertension: true, ischemic_vascular_disease: true, ...extra.diagnoses },
    service_history: { last_colonoscopy_date: '2022-03-01', last_bp_date: '2026-04-01', last_bp_systolic: 128, last_bp_diastolic: 78 },
    pharmacy: { diabetes: fills(0.5), rasa: fills(0.95), statin: fills(0.6) },
  });
const fieldsOf = (body: { errors: Array<{ field: string }> }) => [...new Set(body.errors.map((e) => e.field))];
const TOP_LEVEL_FIELDS = [
  'member_id', 'birth_date', 'sex', 'measurement_year', 'as_of_date',
  'enrollment', 'diagnoses', 'service_history', 'pharmacy', 'utilization', 'prior_year_compliance',
];

describe('Predictions (e2e)', () => {
  let t: TestApp;
  let integration: string;
  let analyst: string;
  let auditor: string;

  beforeAll(async () => {
    t = await createTestApp();
  });

  beforeEach(async () => {
    await t.truncate();
    integration = (await issueKey(t.app, Role.Integration)).api_key;
    analyst = (await issueKey(t.app, Role.Analyst)).api_key;
    auditor = (await issueKey(t.app, Role.Auditor)).api_key;
  });

  afterAll(() => t.close());

  const predict = (measure: string, body: unknown, key = integration) =>
    t.app.inject({ method: 'POST', url: `/api/v1/predict/member/${measure}`, headers: withKey(key), payload: body as object });
  const portfolio = (body: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/v1/predict/portfolio', headers: { ...withKey(integration), ...headers }, payload: body as object });
  const stored = async () => {
    const [counts] = await t.dataSource.query('SELECT (SELECT COUNT(*) FROM predictions) AS predictions, (SELECT COUNT(*) FROM gap_lists) AS gaps');
    return { predictions: Number(counts.predictions), gaps: Number(counts.gaps) };
  };

  describe('POST /predict/member/{measure_code}', () => {
    it('predicts, explains exactly, stores the prediction and opens one gap', async () => {
      const res = await predict('COL', member('E2E-M-1'));
      expect(res.statusCode).toBe(201);
      const body = res.json();
      expect(body).toMatchObject({
        measure: 'COL',
        eligibility: { status: 'eligible', reason: null },
        risk_tier: expect.stringMatching(/^(low|medium|high|critical)$/),
        model_version: expect.stringMatching(/^COL-/),
        gap_open: true,
      });
      expect(body.member_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(body.gap_probability).toBeGreaterThan(0);
      expect(body.gap_probability).toBeLessThan(1);
      expect(body.top_factors.length).toBeGreaterThan(0);
      expect(body.top_factors[0]).toEqual({ feature: expect.any(String), value: expect.any(Number), contribution: expect.any(Number), direction: expect.stringMatching(/gap_risk$/) });
      expect(res.body).not.toContain('E2E-M-1');

      const [row] = await t.dataSource.query('SELECT * FROM predictions WHERE prediction_id = $1', [body.prediction_id]);
      expect(row.member_hash).toBe(body.member_hash);
      const contributions = Object.values(row.shap_values.contributions as Record<string, number>);
      const explained = row.shap_values.expected_value + contributions.reduce((sum, c) => sum + c, 0);
      expect(explained).toBeCloseTo(row.risk_score, 6);
      expect(sigmoid(row.risk_score)).toBeCloseTo(row.gap_probability, 5);
      expect(Object.keys(row.features)).toEqual(Object.keys(row.shap_values.contributions));

      await predict('COL', member('E2E-M-1'));
      const gaps = await t.dataSource.query('SELECT * FROM gap_lists WHERE member_hash = $1', [body.member_hash]);
      expect(gaps).toHaveLength(1);
      expect(gaps[0]).toMatchObject({ measure_code: 'COL', intervention_status: 'pending', gap_type: 'care_gap' });
      expect(gaps[0].intervention_recommended).toEqual(expect.any(String));
      expect(await t.dataSource.query('SELECT 1 FROM predictions WHERE member_hash = $1', [body.member_hash])).toHaveLength(2);
    });

    it('closes the open gap once the record shows the care done', async () => {
      const open = await predict('COL', member('E2E-M-2'));
      const done = await predict('COL', member('E2E-M-2', { service_history: { last_colonoscopy_date: '2026-03-01' } }));
      expect(done.json().gap_open).toBe(false);
      const [gap] = await t.dataSource.query('SELECT intervention_status, closed_date FROM gap_lists WHERE member_hash = $1', [open.json().member_hash]);
      expect(gap.intervention_status).toBe('closed');
      expect(gap.closed_date).not.toBeNull();
      const events = (await auditRows(t)).filter((r) => r.event_type === 'gap.status_changed');
      expect(events.map((e) => e.details?.to_status)).toEqual(['pending', 'closed']);
      expect(events[1].member_hashes).toEqual([open.json().member_hash]);
    });

    it('commits a prediction with its audit row in one statement, unless a gap closes', async () => {
      await predict('COL', member('E2E-M-4'));
      const locked = jest.spyOn(t.app.get(AccessLogRepository), 'lockedTransaction');
      const open = await predict('COL', member('E2E-M-4'));
      expect(locked).not.toHaveBeenCalled();
      await predict('COL', member('E2E-M-4', { service_history: { last_colonoscopy_date: '2026-03-01' } }));
      expect(locked).toHaveBeenCalledTimes(1);
      locked.mockRestore();
      const [gap] = await t.dataSource.query('SELECT intervention_status FROM gap_lists WHERE member_hash = $1', [open.json().member_hash]);
      expect(gap.intervention_status).toBe('closed');
      expect(await t.dataSource.query('SELECT 1 FROM predictions WHERE member_hash = $1', [open.json().member_hash])).toHaveLength(3);
    });

    it('stores nothing when the database refuses the audit row, on either path', async () => {
      await predict('COL', member('E2E-M-5'));
      const before = await t.dataSource.query('SELECT (SELECT COUNT(*) FROM predictions) AS p, (SELECT COUNT(*) FROM gap_lists) AS g');
      await t.dataSource.query("ALTER TABLE api_access_log ADD CONSTRAINT e2e_refuse CHECK (endpoint <> '/api/v1/predict/member/:measure_code') NOT VALID");
      try {
        // The first try is the one-statement append; after its failure the writer takes the locked transaction.
        const locked = jest.spyOn(t.app.get(AccessLogRepository), 'lockedTransaction');
        expect((await predict('COL', member('E2E-M-5'))).statusCode).toBe(503);
        expect(locked).not.toHaveBeenCalled();
        expect((await predict('COL', member('E2E-M-5'))).statusCode).toBe(503);
        expect(locked).toHaveBeenCalledTimes(1);
        locked.mockRestore();
      } finally {
        await t.dataSource.query('ALTER TABLE api_access_log DROP CONSTRAINT e2e_refuse');
      }
      const after = await t.dataSource.query('SELECT (SELECT COUNT(*) FROM predictions) AS p, (SELECT COUNT(*) FROM gap_lists) AS g');
      expect(after).toEqual(before);
    });

    it('stores the prediction only with its audit row: if the row cannot be written, 503 and nothing stored', async () => {
      const log = t.app.get(AccessLogRepository);
      const oneStatement = jest.spyOn(log, 'appendIfTail').mockRejectedValueOnce(new Error('disk full'));
      const locked = jest.spyOn(log, 'appendLocked').mockRejectedValueOnce(new Error('disk full'));
      const failed = await predict('COL', member('E2E-M-ATOMIC'));
      oneStatement.mockRestore();
      locked.mockRestore();
      expect(failed.statusCode).toBe(503);
      expect(failed.json()).toMatchObject({ code: 'AUDIT_UNAVAILABLE' });
      expect(await t.dataSource.query('SELECT 1 FROM predictions UNION ALL SELECT 1 FROM gap_lists')).toHaveLength(0);

      const stored = await predict('COL', member('E2E-M-ATOMIC'));
      expect(stored.statusCode).toBe(201);
      const [row] = await t.dataSource.query(
        `SELECT a.member_hashes FROM api_access_log a JOIN predictions p ON p.member_hash = ANY(a.member_hashes)
          WHERE p.prediction_id = $1 AND a.request_id = $2`,
        [stored.json().prediction_id, stored.headers['x-request-id']],
      );
      expect(row.member_hashes).toEqual([stored.json().member_hash]);
    });

    it('answers 422 with the reason when the member is not eligible', async () => {
      const res = await predict('BCS', member('E2E-M-3', { sex: Sex.Male }));
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ code: 'NOT_ELIGIBLE', eligibility: { status: 'not_eligible', reason: 'sex_not_in_measure' } });
      expect(await t.dataSource.query('SELECT 1 FROM predictions')).toHaveLength(0);
    });

    it('answers 422 "excluded" with the reason when an exclusion removes an otherwise eligible member', async () => {
      const hospice = await predict('COL', member('E2E-X-1', { enrollment: { hospice: true } }));
      expect(hospice.statusCode).toBe(422);
      expect(hospice.json()).toMatchObject({
        code: 'NOT_ELIGIBLE',
        detail: 'The member is excluded from COL: hospice.',
        eligibility: { status: 'excluded', reason: 'hospice' },
      });
      const colectomy = await predict('COL', member('E2E-X-2', { diagnoses: { colorectal_cancer_or_colectomy: true } }));
      expect(colectomy.statusCode).toBe(422);
      expect(colectomy.json()).toMatchObject({
        detail: 'The member is excluded from COL: colorectal_cancer_or_colectomy.',
        eligibility: { status: 'excluded', reason: 'colorectal_cancer_or_colectomy' },
      });
      const outsideDenominator = await predict('COL', member('E2E-X-3', { birth_date: '1940-01-01' }));
      expect(outsideDenominator.json()).toMatchObject({
        detail: 'The member is not eligible for COL: age_out_of_range.',
        eligibility: { status: 'not_eligible', reason: 'age_out_of_range' },
      });
      expect(await stored()).toEqual({ predictions: 0, gaps: 0 });
    });

    it('answers 404 listing valid codes for an unknown measure, and 400 for a bad record', async () => {
      const unknown = await predict('XYZ', member('E2E-M-4'));
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().valid_codes).toContain('COL');
      const bad = await predict('COL', { ...member('E2E-M-4'), birth_date: 'yesterday', surprise: 1 });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['birth_date', 'surprise']));
    });

    it('is for integration keys (and admins) only', async () => {
      expect((await predict('COL', member('E2E-M-5'), analyst)).statusCode).toBe(403);
      expect((await predict('COL', member('E2E-M-5'), auditor)).statusCode).toBe(403);
      expect((await t.app.inject({ method: 'POST', url: '/api/v1/predict/member/COL', payload: member('E2E-M-5') })).statusCode).toBe(401);
    });
  });

  describe('GET /predictions/{prediction_id}', () => {
    it('returns the stored prediction with every SHAP value, and audits the member access', async () => {
      const created = (await predict('COL', member('E2E-M-6'))).json();
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/predictions/${created.prediction_id}`, headers: withKey(analyst) });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ prediction_id: created.prediction_id, member_hash: created.member_hash, risk_tier: created.risk_tier });
      expect(Object.keys(body.shap_values.contributions).length).toBe(Object.keys(body.features).length);
      const [row] = await t.dataSource.query('SELECT member_hashes FROM api_access_log WHERE request_id = $1', [res.headers['x-request-id']]);
      expect(row.member_hashes).toEqual([created.member_hash]);

      expect((await t.app.inject({ method: 'GET', url: `/api/v1/predictions/${created.prediction_id}`, headers: withKey(auditor) })).statusCode).toBe(403);
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/predictions/00000000-0000-4000-8000-000000000000', headers: withKey(analyst) })).statusCode).toBe(404);
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/predictions/nope', headers: withKey(analyst) })).statusCode).toBe(400);
    });
  });

  describe('POST /predict/portfolio', () => {
    it('predicts every measure the member is eligible for and lists the others with reasons', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/predict/portfolio', headers: withKey(integration), payload: member('E2E-M-7') });
      expect(res.statusCode).toBe(201);
      const body = res.json();
      const predicted = body.predictions.map((p: { measure: string }) => p.measure);
      expect(predicted).toEqual(expect.arrayContaining(['BCS', 'COL']));
      expect(predicted.length + body.not_predicted.length).toBe(12);
      expect(body.not_predicted.every((n: { eligibility: { reason: string } }) => n.eligibility.reason)).toBe(true);
      expect(await t.dataSource.query('SELECT 1 FROM predictions')).toHaveLength(predicted.length);
      expect((await t.app.inject({ method: 'POST', url: '/api/v1/predict/portfolio', headers: withKey(analyst), payload: member('E2E-M-7') })).statusCode).toBe(403);
    });
    it('opens one pending gap for each measure whose care is still due, none for completed care, and never duplicates them', async () => {
      const record = chronicallyIll('E2E-P-1');
      const first = await portfolio(record);
      expect(first.statusCode).toBe(201);
      const body = first.json();
      const gapOpen = Object.fromEntries(body.predictions.map((p: { measure: string; gap_open: boolean }) => [p.measure, p.gap_open]));
      expect(gapOpen).toEqual({
        BCS: true, COL: false, EED: true, GSD: true, KED: true, CBP: false, SPC: true,
        'PDC-DR': true, 'PDC-RASA': false, 'PDC-STA': true, SUPD: false,
      });
      expect(body.not_predicted).toEqual([{ measure: 'OMW', eligibility: { measure: 'OMW', status: 'not_eligible', reason: 'no_fracture_in_intake_period' } }]);

      const gapsOf = () =>
        t.dataSource.query(
          `SELECT gap_id, measure_code, gap_type, priority_score, intervention_recommended, intervention_status, closed_date
             FROM gap_lists WHERE member_hash = $1 ORDER BY measure_code`,
          [body.member_hash],
        );
      const gaps = await gapsOf();
      expect(gaps.map((g: { measure_code: string; gap_type: string }) => [g.measure_code, g.gap_type])).toEqual([
        ['BCS', 'care_gap'], ['EED', 'care_gap'], ['GSD', 'care_gap'], ['KED', 'care_gap'],
        ['PDC-DR', 'medication_gap'], ['PDC-STA', 'medication_gap'], ['SPC', 'care_gap'],
      ]);
      const measures = t.app.get(MeasuresService);
      for (const gap of gaps) {
        const prediction = body.predictions.find((p: { measure: string }) => p.measure === gap.measure_code);
        const measure = measures.get(gap.measure_code);
        expect(gap).toMatchObject({
          intervention_status: 'pending',
          closed_date: null,
          intervention_recommended: recommendGap(measure, prediction.gap_probability, prediction.risk_tier).interventionRecommended,
        });
        expect(gap.intervention_recommended).toEqual(expect.any(String));
        expect(gap.priority_score).toBeCloseTo(prediction.gap_probability * measure.weight, 6);
      }

      const second = await portfolio(record);
      expect(second.statusCode).toBe(201);
      expect((await gapsOf()).map((g: { gap_id: string }) => g.gap_id)).toEqual(gaps.map((g: { gap_id: string }) => g.gap_id));
      expect(await stored()).toEqual({ predictions: 22, gaps: 7 });
    });

    it('writes nothing for a member excluded from every measure (hospice)', async () => {
      // In every measure's denominator (a fracture adds OMW), so hospice is the reason for all 12.
      const res = await portfolio(chronicallyIll('E2E-P-2', { enrollment: { hospice: true }, diagnoses: { fracture_date: '2026-02-01' } }));
      expect(res.statusCode).toBe(201);
      expect(res.json().predictions).toEqual([]);
      expect(res.json().not_predicted).toEqual(MEASURE_CODES.map((measure) => ({ measure, eligibility: { measure, status: 'excluded', reason: 'hospice' } })));
      expect(await stored()).toEqual({ predictions: 0, gaps: 0 });
    });

    const valid = member('E2E-P-3');
    const { birth_date: _omitted, ...withoutBirthDate } = valid;
    it.each<[string, unknown, string[]]>([
      ['a missing field', withoutBirthDate, ['birth_date']],
      ['a value outside its enum', { ...valid, sex: 'Q' }, ['sex']],
      ['a number sent as a string', { ...valid, measurement_year: '2026' }, ['measurement_year']],
      ['a nested value of the wrong type', { ...valid, enrollment: { ...valid.enrollment, hospice: 'yes' } }, ['enrollment.hospice']],
      ['a group that is not an object', { ...valid, pharmacy: 'none' }, ['pharmacy']],
      ['a member id that is not an id', { ...valid, member_id: true }, ['member_id']],
      ['an unknown nested field', { ...valid, diagnoses: { ...valid.diagnoses, cancer: true } }, ['diagnoses.cancer']],
      ['a body that is a string, not an object', '"E2E-P-3"', TOP_LEVEL_FIELDS],
    ])('answers 400 naming the field for %s, and stores nothing', async (_, body, fields) => {
      const res = await portfolio(body, { 'content-type': 'application/json' });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
      expect(fieldsOf(res.json())).toEqual(fields);
      expect(await stored()).toEqual({ predictions: 0, gaps: 0 });
    });

    it('answers 400 for a body that is not JSON at all', async () => {
      const res = await portfolio('{"member_id":', { 'content-type': 'application/json' });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'MALFORMED_JSON', detail: 'The request body is not valid JSON.' });
      expect(await stored()).toEqual({ predictions: 0, gaps: 0 });
    });
  });

  describe('POST /predict/batch/{measure_code}', () => {
    const batch = (members: unknown[], headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'POST', url: '/api/v1/predict/batch/COL', headers: { ...withKey(integration), ...headers }, payload: { members } });

    it('gives a result or an error per member, in order, writing all rows in one go', async () => {
      const res = await batch([member('B-1'), { ...member('B-2'), sex: 'Q' }, member('B-3', { enrollment: { months_enrolled: 3 } }), member('B-4')]);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ measure: 'COL', total: 4, succeeded: 2, failed: 2 });
      expect(body.results.map((r: { index: number }) => r.index)).toEqual([0, 1, 2, 3]);
      expect(body.results[0].prediction.member_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(body.results[1].error).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', errors: [{ field: 'sex' }] });
      expect(body.results[2].error).toMatchObject({ status: 422, code: 'NOT_ELIGIBLE' });
      expect(await t.dataSource.query('SELECT 1 FROM predictions')).toHaveLength(2);
      const [row] = await t.dataSource.query('SELECT member_hashes FROM api_access_log WHERE request_id = $1', [res.headers['x-request-id']]);
      expect(row.member_hashes).toHaveLength(4);
    });

    it('honours Idempotency-Key: a retry returns the first result and writes nothing twice', async () => {
      const first = await batch([member('I-1'), member('I-2')], { 'idempotency-key': 'batch-2026-11-21-001' });
      const retry = await batch([member('I-1'), member('I-2')], { 'idempotency-key': 'batch-2026-11-21-001' });
      expect(retry.statusCode).toBe(200);
      expect(retry.json()).toEqual(first.json());
      expect(await t.dataSource.query('SELECT 1 FROM predictions')).toHaveLength(2);
      expect(await t.dataSource.query('SELECT 1 FROM gap_lists')).toHaveLength(2);

      const reused = await batch([member('I-3')], { 'idempotency-key': 'batch-2026-11-21-001' });
      expect(reused.json()).toMatchObject({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
      const invalid = await batch([member('I-3')], { 'idempotency-key': 'has spaces' });
      expect(invalid.json()).toMatchObject({ status: 400, errors: [{ field: 'Idempotency-Key' }] });
    });

    it('answers 404 naming the valid codes for an unknown measure, and frees its Idempotency-Key', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/predict/batch/XYZ',
        headers: { ...withKey(integration), 'idempotency-key': 'batch-unknown-measure' },
        payload: { members: [member('U-1')] },
      });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json()).toMatchObject({
        status: 404,
        code: 'NOT_FOUND',
        detail: `No such measure. Valid codes: ${MEASURE_CODES.join(', ')}.`,
        valid_codes: [...MEASURE_CODES],
      });
      expect(res.body).not.toContain('XYZ');
      expect(await stored()).toEqual({ predictions: 0, gaps: 0 });
      expect(await t.dataSource.query('SELECT 1 FROM idempotency_keys')).toHaveLength(0);
      expect((await batch([member('U-1')], { 'idempotency-key': 'batch-unknown-measure' })).statusCode).toBe(200);
    });

    it('gives an excluded member its own 422 with the reason while the others are predicted', async () => {
      const res = await batch([
        member('X-1'),
        member('X-2', { enrollment: { hospice: true } }),
        member('X-3', { diagnoses: { colorectal_cancer_or_colectomy: true } }),
        member('X-4'),
      ]);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ measure: 'COL', total: 4, succeeded: 2, failed: 2 });
      expect(body.results[1]).toEqual({
        index: 1,
        error: { status: 422, code: 'NOT_ELIGIBLE', detail: 'The member is excluded from COL: hospice.', eligibility: { status: 'excluded', reason: 'hospice' } },
      });
      expect(body.results[2]).toEqual({
        index: 2,
        error: {
          status: 422,
          code: 'NOT_ELIGIBLE',
          detail: 'The member is excluded from COL: colorectal_cancer_or_colectomy.',
          eligibility: { status: 'excluded', reason: 'colorectal_cancer_or_colectomy' },
        },
      });
      const predicted = [body.results[0].prediction.member_hash, body.results[3].prediction.member_hash].sort();
      const rows = await t.dataSource.query('SELECT member_hash FROM predictions ORDER BY member_hash');
      expect(rows.map((r: { member_hash: string }) => r.member_hash)).toEqual(predicted);
      expect(await stored()).toEqual({ predictions: 2, gaps: 2 });
    });

    it('refuses empty and oversized batches, and non-integration roles', async () => {
      expect((await batch([])).json()).toMatchObject({ status: 400, errors: [{ field: 'members' }] });
      const tooMany = Array.from({ length: 10_001 }, () => ({}));
      expect((await batch(tooMany)).json()).toMatchObject({ status: 400, errors: [{ field: 'members' }] });
      const forbidden = await t.app.inject({ method: 'POST', url: '/api/v1/predict/batch/COL', headers: withKey(analyst), payload: { members: [member('X')] } });
      expect(forbidden.statusCode).toBe(403);
    });
  });
});
