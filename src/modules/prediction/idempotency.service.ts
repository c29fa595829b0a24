import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { ValidationFailedError } from 'src/common/errors/domain-error';
import { Environment } from 'src/config/environment';
import { IdempotencyRepository } from 'src/modules/prediction/idempotency.repository';
import { TransactionStep } from 'src/modules/prediction/prediction-store';
import { IdempotencyConflictError, IdempotencyMismatchError } from 'src/modules/prediction/prediction.errors';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
const HOUR_MS = 3_600_000;
/** Far longer than a 10,000-member batch takes; a claim still open after this was abandoned. */
export const ABANDONED_CLAIM_MS = 5 * 60_000;

/** Given the response, the step that stores it inside the transaction writing the request's rows. */
export type ResponseRecorder<T> = (response: T) => TransactionStep;

/**
 * Idempotency-Key handling (as Stripe does it): the first request with a key runs and its response is
 * kept; a retry with the same key and the same body gets that response again and writes nothing; the
 * same key with another body is refused. Keys are scoped to the API key that sent them and kept for
 * IDEMPOTENCY_TTL_HOURS.
 */
@Injectable()
export class IdempotencyService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(IdempotencyService.name);
  private sweeper?: NodeJS.Timeout;

  constructor(
    private readonly keys: IdempotencyRepository,
    private readonly env: Environment,
  ) {}

  onModuleInit(): void {
    this.sweeper = setInterval(() => void this.deleteExpired(), HOUR_MS).unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweeper);
  }

  /**
   * Runs `work` once per key. `work` must store its response with the recorder it is given, in the
   * transaction that writes its rows: then a retry can never find rows written without a response, or
   * a response without rows.
   */
  async once<T>(apiKeyId: string, key: string | undefined, body: unknown, work: (record?: ResponseRecorder<T>) => Promise<T>): Promise<T> {
    if (key === undefined) return work();
    if (!IDEMPOTENCY_KEY.test(key)) {
      throw new ValidationFailedError('One or more fields are invalid.', [
        { field: 'Idempotency-Key', message: 'Idempotency-Key must be 1-200 printable characters without spaces' },
      ]);
    }
    const requestHash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
    const earlier = await this.keys.claim(apiKeyId, key, requestHash, ABANDONED_CLAIM_MS, this.ttlMs());
    if (earlier) {
      if (earlier.requestHash !== requestHash) {
        throw new IdempotencyMismatchError('This Idempotency-Key was used with a different request body; use a new key.');
      }
      if (earlier.statusCode === null) throw new IdempotencyConflictError('Retry once the first request has finished.');
      return earlier.response as T;
    }
    try {
      return await work((response) => (manager) => this.keys.complete(manager, apiKeyId, key, 200, response));
    } catch (error) {
      // Only an uncompleted claim is released: if the rows and the response committed, the key stays.
      await this.keys.release(apiKeyId, key).catch(() => undefined);
      throw error;
    }
  }

  async deleteExpired(): Promise<number> {
    try {
      return await this.keys.deleteExpired(this.ttlMs());
    } catch (error) {
      this.logger.warn({ err: error }, 'Could not delete expired idempotency keys');
      return 0;
    }
  }

  private ttlMs(): number {
    return this.env.IDEMPOTENCY_TTL_HOURS * HOUR_MS;
  }
}
