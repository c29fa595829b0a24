import { Injectable } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { ServiceSecrets } from 'src/common/phi/service-secrets';

/** What a raw member id may look like: 1–64 printable ASCII characters, no spaces. */
const RAW_MEMBER_ID = /^[\x21-\x7e]{1,64}$/;

/**
 * member_hash = HMAC-SHA-256(PHI_HASH_KEY, member id), hex. A keyed hash, because member ids are
 * short and guessable: a plain SHA-256 of every possible id could be tabulated.
 */
@Injectable()
export class MemberHasher {
  constructor(private readonly secrets: ServiceSecrets) {}

  hash(memberId: string): string {
    return createHmac('sha256', this.secrets.phiHashKey).update(memberId).digest('hex');
  }

  /** The hash of a well-formed raw id (a number counts), or null. */
  hashIfValid(raw: unknown): string | null {
    const id = typeof raw === 'number' && Number.isSafeInteger(raw) ? String(raw) : raw;
    return typeof id === 'string' && RAW_MEMBER_ID.test(id) ? this.hash(id) : null;
  }
}
