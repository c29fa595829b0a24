import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface StoredResponse {
  requestHash: string;
  statusCode: number | null;
  response: unknown;
}

/** Responses kept per API key and Idempotency-Key (the `idempotency_keys` table). */
@Injectable()
export class IdempotencyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Claims the key for this request; null when claimed, else what an earlier request stored. */
  async claim(apiKeyId: string, key: string, requestHash: string): Promise<StoredResponse | null> {
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO idempotency_keys (api_key_id, idempotency_key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT (api_key_id, idempotency_key) DO NOTHING RETURNING 1 AS claimed`,
      [apiKeyId, key, requestHash],
    );
    if (inserted.length > 0) return null;
    const [row] = await this.dataSource.query(
      'SELECT request_hash, status_code, response FROM idempotency_keys WHERE api_key_id = $1 AND idempotency_key = $2',
      [apiKeyId, key],
    );
    return { requestHash: row.request_hash, statusCode: row.status_code, response: row.response };
  }

  async complete(apiKeyId: string, key: string, statusCode: number, response: unknown): Promise<void> {
    await this.dataSource.query('UPDATE idempotency_keys SET status_code = $3, response = $4 WHERE api_key_id = $1 AND idempotency_key = $2', [
      apiKeyId,
      key,
      statusCode,
      JSON.stringify(response),
    ]);
  }

  /** Frees the key after a failure, so the client can retry it. */
  async release(apiKeyId: string, key: string): Promise<void> {
    await this.dataSource.query('DELETE FROM idempotency_keys WHERE api_key_id = $1 AND idempotency_key = $2 AND status_code IS NULL', [apiKeyId, key]);
  }
}
