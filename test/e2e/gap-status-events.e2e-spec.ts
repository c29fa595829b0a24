import { AccessLogRepository } from 'src/modules/audit/access-log.repository';
import { keyIdHash } from 'src/modules/audit/audit-trail';
import { Role } from 'src/modules/auth/role';
import { aMember } from 'src/modules/members/testing/member-record.fixture';
import { issueKey, withKey } from 'test/utils/api-keys';
import { auditRows } from 'test/utils/audit';
import { createTestApp, TestApp } from 'test/utils/test-app';

const member = (id: string, overrides: Parameters<typeof aMember>[0] = {}) => ({ member_id: id, ...aMember(overrides) });
const COLONOSCOPY_DONE = { service_history: { last_colonoscopy_date: '2026-03-01' } };

/** Every change of a gap's status is an audit event naming who made it: opened, closed, opened again. */
describe('Gap status events (e2e)', () => {
  let t: TestApp;
  let key: { id: string; api_key: string };

  beforeAll(async () => {
    t = await createTestApp();
  });

  beforeEach(async () => {
    await t.truncate();
    key = await issueKey(t.app, Role.Integration);
  });

  afterAll(() => t.close());

  const predict = async (body: object) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/predict/member/COL', headers: withKey(key.api_key), payload: body });
    expect(res.statusCode).toBe(201);
    return res.json();
  };
  const statusEvents = async () =>
    (await auditRows(t))
      .filter((row) => row.event_type === 'gap.status_changed')
      .map((row) => ({ actor: row.api_key_hash, members: row.member_hashes, details: row.details }));

  it('records a gap opened, closed and opened again, each with the acting key', async () => {
    const first = await predict(member('GAP-EV-1'));
    await predict(member('GAP-EV-1'));
    await predict(member('GAP-EV-1', COLONOSCOPY_DONE));
    await predict(member('GAP-EV-1'));

    const actor = keyIdHash(key.id);
    const members = [first.member_hash];
    expect(await statusEvents()).toEqual([
      { actor, members, details: { measure_code: 'COL', to_status: 'pending', reason: 'gap_predicted_open', gaps: 1 } },
      { actor, members, details: { measure_code: 'COL', to_status: 'closed', reason: 'numerator_met_in_submitted_record', gaps: 1 } },
      { actor, members, details: { measure_code: 'COL', to_status: 'pending', reason: 'gap_predicted_open', gaps: 1 } },
    ]);
    const gaps = await t.dataSource.query('SELECT intervention_status FROM gap_lists WHERE member_hash = $1 ORDER BY intervention_status', [first.member_hash]);
    expect(gaps.map((g: { intervention_status: string }) => g.intervention_status)).toEqual(['closed', 'pending']);
  });

  it('commits in one statement when no gap changes status, and in the locked transaction when one opens', async () => {
    const locked = jest.spyOn(t.app.get(AccessLogRepository), 'lockedTransaction');
    await predict(member('GAP-EV-2'));
    expect(locked).toHaveBeenCalledTimes(1);
    await predict(member('GAP-EV-2'));
    expect(locked).toHaveBeenCalledTimes(1);
    locked.mockRestore();
    expect(await statusEvents()).toHaveLength(1);
  });

  it('records one event per measure for a batch, naming every member whose gap opened', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/predict/batch/COL',
      headers: withKey(key.api_key),
      payload: { members: [member('GAP-EV-3'), member('GAP-EV-4'), member('GAP-EV-5', COLONOSCOPY_DONE)] },
    });
    expect(res.statusCode).toBe(200);
    const [opened3, opened4] = res.json().results.map((r: { prediction: { member_hash: string } }) => r.prediction.member_hash);
    const events = await statusEvents();
    expect(events).toHaveLength(1);
    expect(events[0].details).toEqual({ measure_code: 'COL', to_status: 'pending', reason: 'gap_predicted_open', gaps: 2 });
    expect([...events[0].members!].sort()).toEqual([opened3, opened4].sort());
  });
});
