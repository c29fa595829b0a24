import 'reflect-metadata';
import autocannon from 'autocannon';
import { MEASURE_CODES, MeasureCode } from 'src/modules/measures/measure-code';
import { MeasuresService } from 'src/modules/measures/measures.service';
import { eligibilityFor } from 'src/modules/members/eligibility';
import { EligibilityStatus } from 'src/modules/members/eligibility-status';
import { buildFeatures } from 'src/modules/members/features';
import { generatePopulation } from 'src/modules/members/synthetic/generate-population';
import { PlanArchetype } from 'src/modules/members/synthetic/plan-archetype';
import { ApiKeysService } from 'src/modules/auth/api-keys.service';
import { Role } from 'src/modules/auth/role';
import { ModelRegistry } from 'src/modules/prediction/registry/model-registry';
import { fmt, load, openLoop, out, percentile, runBench, startBenchApp } from './bench-app';

/**
 * The prediction API end to end — validation, member-id hashing, eligibility, features, onnxruntime,
 * exact SHAP, persistence, gap upserts and the durable audit row — against raw onnxruntime.
 */
const BATCH_SIZE = 10_000;

async function main(): Promise<void> {
  const bench = await startBenchApp();
  const duration = Number(process.env.BENCH_SECONDS ?? 10);
  const key = (await bench.app.get(ApiKeysService).create({ name: 'bench', role: Role.Integration, rate_limit_per_minute: 100_000_000 }, 'bench')).api_key;
  const catalogue = bench.app.get(MeasuresService).getCatalogue();
  // About 55 % of the population is eligible for COL: 19,000 members give the batch its 10,000.
  const population = generatePopulation({ members: 19_000, seed: 7, plan: PlanArchetype.ThreeAndHalfStar, catalogue });
  const colMembers = population.members.map((m) => m.member).filter((m) => eligibilityFor(m, MeasureCode.Col).status === EligibilityStatus.Eligible);
  if (colMembers.length < BATCH_SIZE) throw new Error(`Only ${colMembers.length} COL-eligible members; the batch needs ${BATCH_SIZE}`);
  out(`Prediction benchmark — ${process.env.BENCH_DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'}; ${colMembers.length} COL-eligible synthetic members`);

  // The load runs in a worker thread (autocannon `workers`), so it does not share the server's event
  // loop. 300 distinct members as prebuilt requests: each connection cycles through them, and
  // autocannon serialises each once instead of per request (it shares the server's two cores).
  const requests: autocannon.Request[] = colMembers
    .slice(0, 300)
    .map((m) => ({ method: 'POST', path: '/api/v1/predict/member/COL', body: JSON.stringify(m) }));
  const headers = { 'x-api-key': key, 'content-type': 'application/json' };

  const throughput = await load({ url: bench.url, connections: 50, duration, headers, requests, workers: 1 });
  out(`\nSingle-member prediction, 50 connections, ${duration} s`);
  out(`  throughput ${fmt(throughput.requests.average, 0)} req/s (non-2xx ${throughput.non2xx}, errors ${throughput.errors})`);
  out(`  latency ms: p50 ${throughput.latency.p50}  p90 ${throughput.latency.p90}  p99 ${throughput.latency.p99}`);

  // Open loop: one request every 5 ms whatever the server is doing, each timed from when it was due.
  const fixed = await openLoop({
    url: bench.url,
    path: '/api/v1/predict/member/COL',
    headers,
    bodies: requests.map((r) => String(r.body)),
    ratePerSecond: 200,
    seconds: duration,
  });
  const ms = fixed.latenciesMs;
  out(`\nSingle-member prediction at a fixed 200 req/s (open loop, ${ms.length} requests), ${duration} s`);
  out(`  latency ms: p50 ${fmt(percentile(ms, 50), 1)}  p95 ${fmt(percentile(ms, 95), 1)}  p99 ${fmt(percentile(ms, 99), 1)}  max ${fmt(Math.max(...ms), 1)}`);
  out(`  status codes ${JSON.stringify(fixed.statusCodes)}, errors ${fixed.errors}`);

  const batchBody = JSON.stringify({ members: colMembers.slice(0, BATCH_SIZE) });
  for (let run = 1; run <= 3; run++) {
    const started = process.hrtime.bigint();
    const response = await fetch(`${bench.url}/api/v1/predict/batch/COL`, { method: 'POST', headers, body: batchBody });
    const result = (await response.json()) as { succeeded: number; failed: number };
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    out(`\n10,000-member batch #${run}: ${fmt(ms / 1000, 2)} s end to end (HTTP ${response.status}, ${result.succeeded} predicted, ${result.failed} errors, body ${(batchBody.length / 1e6).toFixed(1)} MB)`);
  }

  out('\nRaw onnxruntime inference, 10,000-row batches (rows/s)');
  const registry = bench.app.get(ModelRegistry);
  let colRawRowsPerSecond = 0;
  for (const measure of MEASURE_CODES) {
    const loaded = registry.get(measure);
    const rows = population.members
      .slice(0, 10_000)
      .map((m) => {
        const values = buildFeatures(m.member, measure).values;
        return Float64Array.from(loaded.columns, (i) => values[i]);
      });
    await loaded.scorer.predictProbabilities(rows);
    const started = process.hrtime.bigint();
    for (let i = 0; i < 5; i++) await loaded.scorer.predictProbabilities(rows);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const rowsPerSecond = (5 * rows.length) / seconds;
    if (measure === MeasureCode.Col) colRawRowsPerSecond = rowsPerSecond;
    out(`  ${measure.padEnd(9)} ${fmt(rowsPerSecond, 0)} rows/s  (${loaded.manifest.model_version})`);
  }
  out(`\nEnd-to-end single-member throughput / raw COL inference: ${fmt(throughput.requests.average, 0)} / ${fmt(colRawRowsPerSecond, 0)} = ${fmt(throughput.requests.average / colRawRowsPerSecond, 4)}`);
  await bench.close();
}

runBench(main);
