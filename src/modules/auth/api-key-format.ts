import { createHash, randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';

/**
 * API key format: `hso_<id>_<secret><checksum>`
 *   hso_      product prefix ("HEDIS Star Optimizer"), so secret scanners can match leaked keys
 *   id        12 base62 characters, public: names the key in lists and logs (stored as key_prefix)
 *   secret    32 random bytes as 43 base62 characters; only its SHA-256 is stored
 *   checksum  CRC32 of everything before it, 6 base62 characters: a mistyped or truncated key is
 *             rejected without touching the database
 * Base62 keeps the whole key selectable with a double click and safe in headers and URLs.
 */
export const API_KEY_PREFIX = 'hso_';
const ID_LENGTH = 12;
const SECRET_LENGTH = 43;
const CHECKSUM_LENGTH = 6;
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const KEY_PATTERN = new RegExp(
  `^${API_KEY_PREFIX}([0-9A-Za-z]{${ID_LENGTH}})_([0-9A-Za-z]{${SECRET_LENGTH}})([0-9A-Za-z]{${CHECKSUM_LENGTH}})$`,
);

export interface ParsedApiKey {
  /** The public part stored as key_prefix, e.g. `hso_3kTz9QmB1xYa`. */
  keyPrefix: string;
  secret: string;
}

export interface GeneratedApiKey extends ParsedApiKey {
  /** The full key, shown to its owner exactly once. */
  key: string;
  secretHash: string;
}

function base62(bytes: Buffer, length: number): string {
  let value = BigInt(`0x${bytes.toString('hex') || '0'}`);
  let out = '';
  while (value > 0n) {
    out = ALPHABET[Number(value % 62n)] + out;
    value /= 62n;
  }
  return out.padStart(length, '0').slice(-length);
}

function checksum(body: string): string {
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return base62(crc, CHECKSUM_LENGTH);
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Assembles a key from its parts, adding the checksum. */
export function formatApiKey(keyPrefix: string, secret: string): string {
  const body = `${keyPrefix}_${secret}`;
  return `${body}${checksum(body)}`;
}

export function generateApiKey(): GeneratedApiKey {
  const keyPrefix = `${API_KEY_PREFIX}${base62(randomBytes(10), ID_LENGTH)}`;
  const secret = base62(randomBytes(32), SECRET_LENGTH);
  return { key: formatApiKey(keyPrefix, secret), keyPrefix, secret, secretHash: hashSecret(secret) };
}

/** Null for anything that is not a well-formed key with a correct checksum. */
export function parseApiKey(candidate: string): ParsedApiKey | null {
  const match = KEY_PATTERN.exec(candidate);
  if (!match) return null;
  const [, id, secret, sum] = match;
  const keyPrefix = `${API_KEY_PREFIX}${id}`;
  if (checksum(`${keyPrefix}_${secret}`) !== sum) return null;
  return { keyPrefix, secret };
}
