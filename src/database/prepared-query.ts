import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * Runs one statement from the pool as a named prepared statement: each connection parses and plans
 * it once, then only binds and executes. For the audit append, parse and bind were two thirds of the
 * server's time on the statement (0.46 + 0.52 ms of 1.4 ms). The name is derived from the text, so
 * every variant of a statement gets its own.
 */
export async function preparedQuery<R>(dataSource: DataSource, text: string, values: unknown[]): Promise<R[]> {
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  const name = `q_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
  const result = await pool.query({ name, text, values });
  return result.rows as R[];
}
