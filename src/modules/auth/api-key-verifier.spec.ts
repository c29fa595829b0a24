import { Clock } from 'src/common/time/clock';
import { Environment } from 'src/config/environment';
import { generateApiKey } from 'src/modules/auth/api-key-format';
import { ApiKey } from 'src/modules/auth/api-key.entity';
import { ApiKeyRepository } from 'src/modules/auth/api-key.repository';
import { ApiKeyVerifier } from 'src/modules/auth/api-key-verifier';

const TTL_MS = 2_000;

describe(ApiKeyVerifier.name, () => {
  const generated = generateApiKey();
  let row: ApiKey;
  let queries: Array<(key: ApiKey | null) => void>;
  let verifier: ApiKeyVerifier;

  // Each lookup waits until the test answers it, with whatever the row is at that moment.
  const answerLookups = () => queries.splice(0).forEach((answer) => answer({ ...row }));

  beforeEach(() => {
    jest.useFakeTimers({ now: Date.UTC(2026, 10, 22), doNotFake: ['nextTick', 'setImmediate'] });
    row = { keyPrefix: generated.keyPrefix, secretHash: generated.secretHash, revokedAt: null, expiresAt: null, lastUsedAt: new Date() } as ApiKey;
    queries = [];
    const keys = {
      findByPrefix: () => new Promise<ApiKey | null>((resolve) => queries.push(resolve)),
      update: async () => undefined,
    } as unknown as ApiKeyRepository;
    verifier = new ApiKeyVerifier(keys, new Clock(), { AUTH_CACHE_TTL_MS: TTL_MS } as Environment);
  });

  afterEach(() => jest.useRealTimers());

  const verify = () => verifier.verify(generated.key);

  it('shares one lookup between concurrent requests for a key it has not cached', async () => {
    const results = Array.from({ length: 20 }, verify);
    expect(queries).toHaveLength(1);
    answerLookups();
    expect((await Promise.all(results)).every((key) => key?.keyPrefix === generated.keyPrefix)).toBe(true);
  });

  it('answers from a half-expired entry at once and reloads it in the background', async () => {
    const first = verify();
    answerLookups();
    await first;
    jest.advanceTimersByTime(TTL_MS / 2);
    row.revokedAt = new Date(); // revoked on another replica
    await expect(verify()).resolves.not.toBeNull();
    expect(queries).toHaveLength(1);
    answerLookups();
    await Promise.resolve();
    await expect(verify()).resolves.toBeNull();
  });

  it('waits for the database once an entry reaches the cache lifetime', async () => {
    const first = verify();
    answerLookups();
    await first;
    jest.advanceTimersByTime(TTL_MS);
    row.revokedAt = new Date();
    const expired = verify();
    expect(queries).toHaveLength(1);
    answerLookups();
    await expect(expired).resolves.toBeNull();
  });

  it('does not cache a row read before an eviction', async () => {
    const first = verify();
    answerLookups();
    await first;
    jest.advanceTimersByTime(TTL_MS / 2);
    await verify(); // starts a background reload that reads the row before the revocation
    const staleAnswer = queries.splice(0);
    row.revokedAt = new Date();
    verifier.evict(generated.keyPrefix);
    staleAnswer.forEach((answer) => answer({ ...row, revokedAt: null }));
    await Promise.resolve();
    const after = verify();
    expect(queries).toHaveLength(1);
    answerLookups();
    await expect(after).resolves.toBeNull();
  });
});
