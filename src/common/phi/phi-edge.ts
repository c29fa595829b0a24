import type { FastifyRequest } from 'fastify';
import { MemberHasher } from 'src/common/phi/member-hasher';

declare module 'fastify' {
  interface FastifyRequest {
    /** member_hash of every member whose id arrived in this request (path, query or body). */
    memberHashes?: string[];
  }
}

export const MEMBER_ID_FIELD = 'member_id';
/** What an invalid raw id is replaced with: fails the DTOs' member_id rule without echoing the value. */
export const INVALID_MEMBER_ID = '';
const MEMBER_HASH_PATTERN = /^[0-9a-f]{64}$/;

export const isMemberHash = (value: unknown): value is string => typeof value === 'string' && MEMBER_HASH_PATTERN.test(value);

/**
 * Replaces every `member_id` in the request — at any depth of the body, in the query and in the
 * path — by its keyed hash before validation, guards, handlers, logs or errors can see it.
 */
export function replaceMemberIds(request: FastifyRequest, hasher: MemberHasher): void {
  const hashes: string[] = [];
  const replaceIn = (container: Record<string, unknown>): void => {
    if (!Object.prototype.hasOwnProperty.call(container, MEMBER_ID_FIELD)) return;
    const hash = hasher.hashIfValid(container[MEMBER_ID_FIELD]);
    container[MEMBER_ID_FIELD] = hash ?? INVALID_MEMBER_ID;
    if (hash) hashes.push(hash);
  };
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item);
    } else if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      replaceIn(record);
      for (const [key, child] of Object.entries(record)) if (key !== MEMBER_ID_FIELD) walk(child);
    }
  };
  walk(request.body);
  if (request.query && typeof request.query === 'object') replaceIn(request.query as Record<string, unknown>);
  if (request.params && typeof request.params === 'object') replaceIn(request.params as Record<string, unknown>);
  if (hashes.length > 0) request.memberHashes = hashes;
}

/** For routes whose response carries member data the request did not name (e.g. a prediction by id). */
export function recordMemberAccess(request: FastifyRequest, memberHashes: readonly string[]): void {
  request.memberHashes = [...(request.memberHashes ?? []), ...memberHashes];
}
