import type { FastifyRequest } from 'fastify';
import { MemberHasher } from 'src/common/phi/member-hasher';
import { replaceMemberIds } from 'src/common/phi/phi-edge';
import { ServiceSecrets } from 'src/common/phi/service-secrets';

const testHasher = new MemberHasher({ phiHashKey: 'unit-test-phi-key-0123456789abcdef', auditCheckpointKey: '' } as ServiceSecrets);

/** A body as the DTOs see it: after the edge replaced every member_id by its keyed hash. */
export function receivedAtEdge<T>(body: T): T {
  const copy = JSON.parse(JSON.stringify(body)) as T;
  replaceMemberIds({ body: copy, query: {}, params: {} } as unknown as FastifyRequest, testHasher);
  return copy;
}
