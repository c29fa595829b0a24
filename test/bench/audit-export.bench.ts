import 'reflect-metadata';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApiKeysService } from 'src/modules/auth/api-keys.service';
import { Role } from 'src/modules/auth/role';
import { fmt, out, runBench, startBenchApp } from './bench-app';

const ROWS = Number(process.env.BENCH_EXPORT_ROWS ?? 1_000_000);

/**
 * A 1,000,000-row access-log export streamed as CSV and as JSON Lines, with the process's resident
 * memory sampled throughout (target: under 250 MB). The rows are synthetic and removed afterwards.
 */
runBench(async () => {
  const bench = await startBenchApp({ DB_STATEMENT_TIMEOUT_MS: '900000' });
  const dataSource = bench.app.get<DataSource>(getDataSourceToken());
  const auditor = await bench.app.get(ApiKeysService).create({ name: 'bench-auditor', role: Role.Auditor }, 'bench');
  const [{ base }] = await dataSource.query('SELECT COALESCE(MAX(seq), 0) + 1000000000 AS base FROM api_access_log');
  const started = Date.now();
  await dataSource.query(
    `INSERT INTO api_access_log (seq, api_key_hash, endpoint, method, status_code, response_time_ms, timestamp, event_type,
                                 request_id, role, client_address, member_hashes, prev_hash, row_hash)
     SELECT $1::bigint + g, md5(g::text) || md5(g::text), '/api/v1/predict/member/:measure_code', 'POST', 201, g % 50,
            TIMESTAMP '2030-01-01' + g * INTERVAL '1 second', 'bench.synthetic', 'bench-' || g, 'integration', '10.0.0.1',
            ARRAY[md5(g::text) || md5((g + 1)::text)], repeat('0', 64), repeat('0', 64)
       FROM generate_series(1, $2) AS g`,
    [base, ROWS],
  );
  await dataSource.query('ANALYZE api_access_log'); // as autovacuum would after a load this size
  out(`Audit export benchmark — ${ROWS.toLocaleString('en-US')} synthetic rows inserted in ${fmt((Date.now() - started) / 1000, 1)} s`);
  try {
    for (const format of ['csv', 'jsonl']) {
      let peakRss = process.memoryUsage().rss;
      const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
      const begin = Date.now();
      const response = await fetch(`${bench.url}/api/v1/audit/access-log/export?format=${format}&event_type=bench.synthetic`, {
        headers: { 'x-api-key': auditor.api_key },
      });
      let bytes = 0;
      let lines = 0;
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        bytes += chunk.length;
        for (const byte of chunk) if (byte === 10) lines += 1;
      }
      clearInterval(sampler);
      const seconds = (Date.now() - begin) / 1000;
      out(`  ${format.padEnd(5)} ${lines.toLocaleString('en-US')} lines, ${fmt(bytes / 1e6, 0)} MB in ${fmt(seconds, 1)} s; peak RSS of the whole process ${fmt(peakRss / 1e6, 0)} MB`);
    }
  } catch (error) {
    out(`  export failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await dataSource.transaction(async (manager) => {
      await manager.query("SELECT set_config('hedis.audit_purge', 'on', true)");
      await manager.query(`DELETE FROM api_access_log WHERE event_type = 'bench.synthetic'`);
    });
    await bench.close();
  }
});
