import type { FastifyRequest } from 'fastify';
import { MemberHasher } from 'src/common/phi/member-hasher';
import { INVALID_MEMBER_ID, replaceMemberIds } from 'src/common/phi/phi-edge';
import { ServiceSecrets } from 'src/common/phi/service-secrets';

const hasher = new MemberHasher({ phiHashKey: 'test-key-'.repeat(4), auditCheckpointKey: 'x' } as ServiceSecrets);
const request = (parts: Partial<FastifyRequest>) => ({ body: undefined, query: {}, params: {}, ...parts }) as FastifyRequest;

describe(replaceMemberIds.name, () => {
  it('replaces member ids at any depth of the body, in the query and in the path', () => {
    const req = request({
      body: { member_id: 'M-1', members: [{ member_id: 'M-2' }, { nested: { member_id: 42 } }] },
      query: { member_id: 'M-3' },
      params: { member_id: 'M-4' },
    });
    replaceMemberIds(req, hasher);
    const serialised = JSON.stringify([req.body, req.query, req.params]);
    for (const raw of ['M-1', 'M-2', 'M-3', 'M-4', '"42"', ':42']) expect(serialised).not.toContain(raw);
    expect((req.body as { member_id: string }).member_id).toBe(hasher.hash('M-1'));
    expect(req.memberHashes).toEqual(['M-1', 'M-2', '42', 'M-3', 'M-4'].map((id) => hasher.hash(id)));
  });

  it.each([['an empty string', ''], ['a long string', 'x'.repeat(65)], ['spaces', 'M 1'], ['an object', { id: 'M-1' }], ['a float', 1.5]])(
    'replaces %s with the invalid marker, never keeping the raw value',
    (_label, raw) => {
      const req = request({ body: { member_id: raw } });
      replaceMemberIds(req, hasher);
      expect((req.body as { member_id: unknown }).member_id).toBe(INVALID_MEMBER_ID);
      expect(req.memberHashes).toBeUndefined();
    },
  );

  it('is keyed: another key gives another hash', () => {
    const other = new MemberHasher({ phiHashKey: 'other-key-'.repeat(4), auditCheckpointKey: 'x' } as ServiceSecrets);
    expect(other.hash('M-1')).not.toBe(hasher.hash('M-1'));
    expect(hasher.hash('M-1')).toMatch(/^[0-9a-f]{64}$/);
  });
});
