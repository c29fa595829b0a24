import { Injectable, Logger } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import { Clock } from 'src/common/time/clock';
import { Environment } from 'src/config/environment';
import { hashSecret, parseApiKey } from 'src/modules/auth/api-key-format';
import { isUsable } from 'src/modules/auth/api-key-status';
import { ApiKey } from 'src/modules/auth/api-key.entity';
import { ApiKeyRepository } from 'src/modules/auth/api-key.repository';

interface CachedKey {
  key: ApiKey | null;
  loadedAt: number;
}

const LAST_USED_RESOLUTION_MS = 60_000;
const MAX_CACHED_KEYS = 10_000;
// Compared against when the key id is unknown, so that path costs the same as a wrong secret.
const DUMMY_HASH = Buffer.from(hashSecret('no-such-key'), 'hex');

/**
 * Verifies presented keys. Rows are cached for AUTH_CACHE_TTL_MS, which bounds how long another
 * replica keeps accepting a key revoked elsewhere; on this replica revocation evicts at once.
 * A row past half that age is reloaded in the background while requests go on using it, and
 * concurrent loads of one key share a query: requests seldom wait for the database, and an expiry
 * under load is one query, not one per request in flight.
 */
@Injectable()
export class ApiKeyVerifier {
  private readonly logger = new Logger(ApiKeyVerifier.name);
  private readonly cache = new Map<string, CachedKey>();
  private readonly loading = new Map<string, Promise<ApiKey | null>>();

  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly clock: Clock,
    private readonly env: Environment,
  ) {}

  /** The key if it is well-formed, known, matches, and is neither revoked nor expired; else null. */
  async verify(presented: string | undefined): Promise<ApiKey | null> {
    const parsed = presented ? parseApiKey(presented) : null;
    if (!parsed) return null;
    const key = await this.load(parsed.keyPrefix);
    const presentedHash = Buffer.from(hashSecret(parsed.secret), 'hex');
    const storedHash = key ? Buffer.from(key.secretHash, 'hex') : DUMMY_HASH;
    const matches = timingSafeEqual(presentedHash, storedHash) && key !== null;
    const now = this.clock.now();
    if (!matches || !isUsable(key, now)) return null;
    this.recordUse(key, now);
    return key;
  }

  evict(keyPrefix: string): void {
    this.cache.delete(keyPrefix);
    // A load already under way may have read the row before the change: its result is not cached.
    this.loading.delete(keyPrefix);
  }

  private async load(keyPrefix: string): Promise<ApiKey | null> {
    const cached = this.cache.get(keyPrefix);
    if (!cached) return this.reload(keyPrefix);
    const age = Date.now() - cached.loadedAt;
    if (age >= this.env.AUTH_CACHE_TTL_MS) return this.reload(keyPrefix);
    if (age >= this.env.AUTH_CACHE_TTL_MS / 2) {
      this.reload(keyPrefix).catch((error: unknown) => this.logger.warn({ err: error, keyPrefix }, 'Could not reload an API key'));
    }
    return cached.key;
  }

  private reload(keyPrefix: string): Promise<ApiKey | null> {
    const pending = this.loading.get(keyPrefix);
    if (pending) return pending;
    // The row is as fresh as the moment the query was sent, not when it answered.
    const startedAt = Date.now();
    const load: Promise<ApiKey | null> = this.keys
      .findByPrefix(keyPrefix)
      .then((key) => {
        if (this.loading.get(keyPrefix) === load) {
          if (this.cache.size >= MAX_CACHED_KEYS) this.cache.clear();
          this.cache.set(keyPrefix, { key, loadedAt: startedAt });
        }
        return key;
      })
      .finally(() => {
        if (this.loading.get(keyPrefix) === load) this.loading.delete(keyPrefix);
      });
    this.loading.set(keyPrefix, load);
    return load;
  }

  /** last_used_at is written at most once a minute per key, off the request's critical path. */
  private recordUse(key: ApiKey, now: Date): void {
    if (key.lastUsedAt && now.getTime() - key.lastUsedAt.getTime() < LAST_USED_RESOLUTION_MS) return;
    key.lastUsedAt = now;
    this.keys.update(key.id, { lastUsedAt: now }).catch((error: unknown) => {
      this.logger.warn({ err: error, keyPrefix: key.keyPrefix }, 'Could not record last use of an API key');
    });
  }
}
