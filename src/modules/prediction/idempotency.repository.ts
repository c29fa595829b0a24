import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface StoredResponse {
  requestHash: string;
  statusCode: number | null;
  response: unknown;
}

/** Responses kept per API key and Idempotency-Key (the `idempotency_keys` table). */
@Injectable()
export class IdempotencyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Claims the key for this request; null when claimed, else what an earlier request stored. A claim
   * that was never completed within `abandonedAfterMs` (its process died mid-request), and any key
   * older than `expiredAfterMs`, is taken over as if new.
   */
  async claim(apiKeyId: string, key: string, requestHash: string, abandonedAfterMs: number, expiredAfterMs: number): Promise<StoredResponse | null> {
    const claimed: unknown[] = await this.dataSource.query(
      `INSERT INTO idempotency_keys (api_key_id, idempotency_key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT (api_key_id, idempotency_key) DO UPDATE
         SET request_hash = EXCLUDED.request_hash, status_code = NULL, response = NULL, created_at = NOW()
         WHERE (idempotency_keys.status_code IS NULL AND idempotency_keys.created_at < NOW() - $4 * INTERVAL '1 millisecond')
            OR idempotency_keys.created_at < NOW() - $5 * INTERVAL '1 millisecond'
       RETURNING 1 AS claimed`,
      [apiKeyId, key, requestHash, abandonedAfterMs, expiredAfterMs],
    );
    if (claimed.length > 0) return null;
    const [row] = await this.dataSource.query(
      'SELECT request_hash, status_code, response FROM idempotency_keys WHERE api_key_id = $1 AND idempotency_key = $2',
      [apiKeyId, key],
    );
    return { requestHash: row.request_hash, statusCode: row.status_code, response: row.response };
  }

  /** Stores the response inside the transaction that writes the request's rows, so both commit or neither. */
  async complete(manager: EntityManager, apiKeyId: string, key: string, statusCode: number, response: unknown): Promise<void> {
    await manager.query('UPDATE idempotency_keys SET status_code = $3, response = $4 WHERE api_key_id = $1 AND idempotency_key = $2', [
      apiKeyId,
      key,
      statusCode,
      JSON.stringify(response),
    ]);
  }

  /** Frees an uncompleted claim after a failure, so the client can retry it at once. */
  async release(apiKeyId: string, key: string): Promise<void> {
    await this.dataSource.query('DELETE FROM idempotency_keys WHERE api_key_id = $1 AND idempotency_key = $2 AND status_code IS NULL', [apiKeyId, key]);
  }

  /** Deletes keys older than `olderThanMs`; returns how many. */
  async deleteExpired(olderThanMs: number): Promise<number> {
    const [, deleted] = await this.dataSource.query(`DELETE FROM idempotency_keys WHERE created_at < NOW() - $1 * INTERVAL '1 millisecond'`, [olderThanMs]);
    return Number(deleted);
  }
}
