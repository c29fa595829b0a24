import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { ValidationFailedError } from 'src/common/errors/domain-error';
import { IdempotencyRepository } from 'src/modules/prediction/idempotency.repository';
import { IdempotencyConflictError, IdempotencyMismatchError } from 'src/modules/prediction/prediction.errors';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/**
 * Idempotency-Key handling (as Stripe does it): the first request with a key runs and its response is
 * kept; a retry with the same key and the same body gets that response again and writes nothing; the
 * same key with another body is refused. Keys are scoped to the API key that sent them.
 */
@Injectable()
export class IdempotencyService {
  constructor(private readonly keys: IdempotencyRepository) {}

  async once<T>(apiKeyId: string, key: string | undefined, body: unknown, work: () => Promise<T>): Promise<T> {
    if (key === undefined) return work();
    if (!IDEMPOTENCY_KEY.test(key)) {
      throw new ValidationFailedError('One or more fields are invalid.', [
        { field: 'Idempotency-Key', message: 'Idempotency-Key must be 1-200 printable characters without spaces' },
      ]);
    }
    const requestHash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
    const earlier = await this.keys.claim(apiKeyId, key, requestHash);
    if (earlier) {
      if (earlier.requestHash !== requestHash) {
        throw new IdempotencyMismatchError('This Idempotency-Key was used with a different request body; use a new key.');
      }
      if (earlier.statusCode === null) throw new IdempotencyConflictError('Retry once the first request has finished.');
      return earlier.response as T;
    }
    try {
      const response = await work();
      await this.keys.complete(apiKeyId, key, 200, response);
      return response;
    } catch (error) {
      await this.keys.release(apiKeyId, key);
      throw error;
    }
  }
}
