import { Role } from 'src/modules/auth/role';
import { aMember } from 'src/modules/members/testing/member-record.fixture';
import { IdempotencyService } from 'src/modules/prediction/idempotency.service';
import { issueKey, withKey } from 'test/utils/api-keys';
import { createTestApp, TestApp } from 'test/utils/test-app';

const member = (id: string) => ({ member_id: id, ...aMember() });

describe('Idempotency-Key on batch predictions (e2e)', () => {
  let t: TestApp;
  let integration: string;

  beforeAll(async () => {
    t = await createTestApp();
  });

  beforeEach(async () => {
    await t.truncate();
    integration = (await issueKey(t.app, Role.Integration)).api_key;
  });

  afterAll(() => t.close());

  const batch = (ids: string[], key: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/predict/batch/COL',
      headers: { ...withKey(integration), 'idempotency-key': key },
      payload: { members: ids.map(member) },
    });
  const count = async (table: string): Promise<number> => Number((await t.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  const ageKey = (key: string, interval: string) =>
    t.dataSource.query(`UPDATE idempotency_keys SET created_at = NOW() - INTERVAL '${interval}' WHERE idempotency_key = $1`, [key]);

  it('stores the response in the transaction that writes the rows: if it cannot be stored, no row is written', async () => {
    // The database refuses any stored response, so the batch's transaction must fail as a whole.
    await t.dataSource.query('ALTER TABLE idempotency_keys ADD CONSTRAINT e2e_refuse_responses CHECK (response IS NULL)');
    try {
      const failed = await batch(['ID-1', 'ID-2'], 'atomic-1');
      expect(failed.statusCode).toBeGreaterThanOrEqual(500);
      expect(await count('predictions')).toBe(0);
      expect(await count('gap_lists')).toBe(0);
      expect(await count('idempotency_keys')).toBe(0);
    } finally {
      await t.dataSource.query('ALTER TABLE idempotency_keys DROP CONSTRAINT e2e_refuse_responses');
    }
    const retried = await batch(['ID-1', 'ID-2'], 'atomic-1');
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ total: 2, succeeded: 2 });
    const again = await batch(['ID-1', 'ID-2'], 'atomic-1');
    expect(again.json()).toEqual(retried.json());
    expect(await count('predictions')).toBe(2);
  });

  it('answers 409 while the first request is running, and takes over a claim abandoned for five minutes', async () => {
    const first = await batch(['ID-3'], 'claimed-1');
    // As if the first request's process had died between its claim and its commit.
    await t.dataSource.query('UPDATE idempotency_keys SET status_code = NULL, response = NULL WHERE idempotency_key = $1', ['claimed-1']);
    const running = await batch(['ID-3'], 'claimed-1');
    expect(running.statusCode).toBe(409);
    expect(running.json()).toMatchObject({ status: 409, code: 'IDEMPOTENCY_IN_PROGRESS' });

    await ageKey('claimed-1', '6 minutes');
    const takenOver = await batch(['ID-3'], 'claimed-1');
    expect(takenOver.statusCode).toBe(200);
    expect(takenOver.json().results[0].prediction.prediction_id).not.toBe(first.json().results[0].prediction.prediction_id);
    expect((await batch(['ID-3'], 'claimed-1')).json()).toEqual(takenOver.json());
    expect(await count('predictions')).toBe(2);
  });

  it('keeps a key for IDEMPOTENCY_TTL_HOURS (24), then treats it as new and deletes it', async () => {
    await batch(['ID-4'], 'daily-1');
    await ageKey('daily-1', '23 hours');
    expect((await batch(['ID-5'], 'daily-1')).statusCode).toBe(422);

    await ageKey('daily-1', '25 hours');
    const reused = await batch(['ID-5'], 'daily-1');
    expect(reused.statusCode).toBe(200);
    expect(await count('predictions')).toBe(2);

    await batch(['ID-6'], 'old-1');
    await ageKey('old-1', '25 hours');
    expect(await t.app.get(IdempotencyService).deleteExpired()).toBe(1);
    const left = await t.dataSource.query('SELECT idempotency_key FROM idempotency_keys');
    expect(left).toEqual([{ idempotency_key: 'daily-1' }]);
  });
});
