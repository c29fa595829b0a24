import 'reflect-metadata';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApiKeysService } from 'src/modules/auth/api-keys.service';
import { Role } from 'src/modules/auth/role';
import { fmt, out, runBench, startBenchApp } from './bench-app';

/** What the service process tells the benchmark once it is listening with the synthetic rows loaded. */
export interface ExportServiceReady {
  url: string;
  apiKey: string;
}

const ROWS = Number(process.env.BENCH_EXPORT_ROWS ?? 1_000_000);
// Loading and deleting a million rows outlasts the service's statement timeout; only those two statements get longer.
const LONG_STATEMENTS = "SET LOCAL statement_timeout = '15min'";

/** Removes the synthetic rows, including any left by an interrupted run; the log is append-only otherwise. */
function deleteSyntheticRows(dataSource: DataSource): Promise<number> {
  return dataSource.transaction(async (manager) => {
    await manager.query(LONG_STATEMENTS);
    await manager.query("SELECT set_config('hedis.audit_purge', 'on', true)");
    const [, deleted] = (await manager.query(`DELETE FROM api_access_log WHERE event_type = 'bench.synthetic'`)) as [unknown, number];
    return deleted;
  });
}

async function insertSyntheticRows(dataSource: DataSource): Promise<void> {
  await dataSource.transaction(async (manager) => {
    await manager.query(LONG_STATEMENTS);
    const [{ base }] = await manager.query('SELECT COALESCE(MAX(seq), 0) + 1000000000 AS base FROM api_access_log');
    await manager.query(
      `INSERT INTO api_access_log (seq, api_key_hash, endpoint, method, status_code, response_time_ms, timestamp, event_type,
                                   request_id, role, client_address, member_hashes, prev_hash, row_hash)
       SELECT $1::bigint + g, md5(g::text) || md5(g::text), '/api/v1/predict/member/:measure_code', 'POST', 201, g % 50,
              TIMESTAMP '2030-01-01' + g * INTERVAL '1 second', 'bench.synthetic', 'bench-' || g, 'integration', '10.0.0.1',
              ARRAY[md5(g::text) || md5((g + 1)::text)], repeat('0', 64), repeat('0', 64)
         FROM generate_series(1, $2) AS g`,
      [base, ROWS],
    );
  });
  await dataSource.query('ANALYZE api_access_log'); // as autovacuum would after a load this size
}

/**
 * The service side of the audit export benchmark, run as its own process by audit-export.bench.ts so
 * that process's memory is the service's alone. Loads the rows, reports ready, and on the benchmark's
 * word (or if the benchmark goes away) deletes them and closes the app, once.
 */
runBench(async () => {
  if (!process.send) throw new Error('Start this through audit-export.bench.js, which talks to it over IPC.');
  const bench = await startBenchApp();
  const dataSource = bench.app.get<DataSource>(getDataSourceToken());
  await deleteSyntheticRows(dataSource);
  const auditor = await bench.app.get(ApiKeysService).create({ name: 'bench-auditor', role: Role.Auditor }, 'bench');
  const started = Date.now();
  await insertSyntheticRows(dataSource);
  out(`Audit export benchmark — ${ROWS.toLocaleString('en-US')} synthetic rows inserted in ${fmt((Date.now() - started) / 1000, 1)} s`);

  const finished = new Promise<void>((resolve) => {
    process.once('message', () => resolve());
    process.once('disconnect', () => resolve());
  });
  const ready: ExportServiceReady = { url: bench.url, apiKey: auditor.api_key };
  process.send(ready);
  await finished;
  try {
    out(`  ${(await deleteSyntheticRows(dataSource)).toLocaleString('en-US')} synthetic rows deleted`);
  } finally {
    await bench.close();
  }
});
