import { AuditLogWriter } from 'src/modules/audit/audit-log-writer';
import { AccessLogRepository } from 'src/modules/audit/access-log.repository';
import { AuditCheckpointRepository } from 'src/modules/audit/audit-checkpoint.repository';
import { checkpointHmac } from 'src/modules/audit/hash-chain';
import { Role } from 'src/modules/auth/role';
import { issueKey, withKey } from 'test/utils/api-keys';
import { createTestApp, TestApp } from 'test/utils/test-app';

const OLD_KEY = 'old-checkpoint-key-0123456789abcdef0123';
const CURRENT_KEY = 'current-checkpoint-key-0123456789abcdef';
const UNKNOWN_KEY = 'unknown-checkpoint-key-0123456789abcdef';

/** After AUDIT_CHECKPOINT_KEY is rotated, checkpoints signed with the old key still verify. */
describe('Audit checkpoint key rotation (e2e)', () => {
  let t: TestApp;
  let auditor: string;

  beforeAll(async () => {
    t = await createTestApp({
      PHI_HASH_KEY: 'phi-hash-key-for-rotation-test-0123456789',
      AUDIT_CHECKPOINT_KEY: CURRENT_KEY,
      AUDIT_CHECKPOINT_PREVIOUS_KEYS: ` ${OLD_KEY} ,`,
    });
    await t.truncate();
    auditor = (await issueKey(t.app, Role.Auditor)).api_key;
  });

  afterAll(() => t.close());

  const verify = async () => (await t.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: withKey(auditor) })).json();
  const signTailWith = async (key: string) => {
    await t.app.inject({ method: 'GET', url: '/api/v1/audit/summary', headers: withKey(auditor) });
    await t.app.get(AuditLogWriter).flush();
    const tail = (await t.app.get(AccessLogRepository).tail())!;
    await t.app.get(AuditCheckpointRepository).add({ seq: tail.seq, rowHash: tail.rowHash, kind: 'periodic', hmac: checkpointHmac(key, tail.seq, tail.rowHash) });
    return tail.seq;
  };

  it('verifies checkpoints signed with a previous key, and reports one signed with an unknown key', async () => {
    await signTailWith(OLD_KEY);
    await signTailWith(CURRENT_KEY);
    expect(await verify()).toMatchObject({ ok: true, checkpoints_checked: 2, broken: null });

    const forgedSeq = await signTailWith(UNKNOWN_KEY);
    expect(await verify()).toMatchObject({
      ok: false,
      broken: { seq: forgedSeq, reason: 'checkpoint signature matches neither AUDIT_CHECKPOINT_KEY nor any of AUDIT_CHECKPOINT_PREVIOUS_KEYS' },
    });
  });

  it('refuses to start with a previous key shorter than 32 characters', async () => {
    await expect(createTestApp({ AUDIT_CHECKPOINT_PREVIOUS_KEYS: 'short' })).rejects.toThrow(
      'each AUDIT_CHECKPOINT_PREVIOUS_KEYS entry must be at least 32 characters',
    );
  });
});
