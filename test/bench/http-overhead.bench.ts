import 'reflect-metadata';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccessRecorder } from 'src/modules/audit/access-recorder';
import { ApiKeysService } from 'src/modules/auth/api-keys.service';
import { ApiKeyGuard } from 'src/modules/auth/guards/api-key.guard';
import { RateLimitGuard } from 'src/modules/auth/guards/rate-limit.guard';
import { RolesGuard } from 'src/modules/auth/guards/roles.guard';
import { Role } from 'src/modules/auth/role';
import { aMember } from 'src/modules/members/testing/member-record.fixture';
import { fmt, load, openLoop, out, percentile, runBench, startBenchApp } from './bench-app';

/**
 * What authentication (rate limit → key → role guards) and the access log add to each request,
 * measured inside the real HTTP app under load: every guard call and every access-log write is
 * timed with hrtime and summed per request.
 */
const authNs = new WeakMap<object, number>();
const auditMs: number[] = [];

function timeGuard(guard: { prototype: { canActivate: (...args: never[]) => unknown } }): void {
  const original = guard.prototype.canActivate;
  guard.prototype.canActivate = async function (this: unknown, ...args: never[]) {
    const request = (args[0] as unknown as { switchToHttp(): { getRequest(): object } }).switchToHttp().getRequest();
    const started = process.hrtime.bigint();
    try {
      return await original.apply(this, args);
    } finally {
      authNs.set(request, (authNs.get(request) ?? 0) + Number(process.hrtime.bigint() - started));
    }
  };
}

async function main(): Promise<void> {
  [RateLimitGuard, ApiKeyGuard, RolesGuard].forEach(timeGuard);
  const record = AccessRecorder.prototype.record;
  let bufferEverything = false;
  AccessRecorder.prototype.record = async function (this: AccessRecorder, request: FastifyRequest, reply: FastifyReply) {
    // The comparison run: the same row, buffered like a row without member data.
    if (bufferEverything) request.memberHashes = undefined;
    const started = process.hrtime.bigint();
    try {
      return await record.call(this, request, reply);
    } finally {
      auditMs.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  };

  const authMs: number[] = [];
  const bench = await startBenchApp({}, (app) =>
    app.getHttpAdapter().getInstance().addHook('onResponse', async (request: FastifyRequest) => {
      const ns = authNs.get(request);
      if (ns !== undefined) authMs.push(ns / 1e6);
    }),
  );
  const keys = bench.app.get(ApiKeysService);
  const admin = await keys.create({ name: 'bench-admin', role: Role.Admin, rate_limit_per_minute: 100_000_000 }, 'bench');
  const analyst = await keys.create({ name: 'bench-analyst', role: Role.Analyst, rate_limit_per_minute: 100_000_000 }, 'bench');
  const integration = await keys.create({ name: 'bench-integration', role: Role.Integration, rate_limit_per_minute: 100_000_000 }, 'bench');
  const created = await fetch(`${bench.url}/api/v1/predict/member/COL`, {
    method: 'POST',
    headers: { 'x-api-key': integration.api_key, 'content-type': 'application/json' },
    body: JSON.stringify({ member_id: 'BENCH-MEMBER-1', ...aMember() }),
  });
  const predictionId = ((await created.json()) as { prediction_id: string }).prediction_id;
  const database = process.env.BENCH_DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite';
  const duration = Number(process.env.BENCH_SECONDS ?? 10);
  out(`HTTP overhead benchmark — ${database}, 50 connections, ${duration} s per scenario`);

  const scenarios = [
    { name: 'GET /api/v1/admin/api-keys/:id (no member data: audit row buffered)', method: 'GET' as const, path: `/api/v1/admin/api-keys/${admin.id}`, key: admin.api_key, body: undefined },
    {
      name: 'GET /api/v1/predictions/:prediction_id (member data: audit row committed before the response)',
      method: 'GET' as const,
      path: `/api/v1/predictions/${predictionId}`,
      key: analyst.api_key,
      body: undefined,
    },
    {
      name: 'GET /api/v1/predictions/:prediction_id, the same row only buffered (comparison: what the durable write costs)',
      method: 'GET' as const,
      path: `/api/v1/predictions/${predictionId}`,
      key: analyst.api_key,
      body: undefined,
      buffered: true,
    },
  ];
  for (const scenario of scenarios) {
    bufferEverything = 'buffered' in scenario;
    authMs.length = 0;
    auditMs.length = 0;
    const result = await load({
      url: `${bench.url}${scenario.path}`,
      method: scenario.method,
      connections: 50,
      duration,
      headers: { 'x-api-key': scenario.key, 'content-type': 'application/json' },
      body: scenario.body,
      workers: 1,
    });
    out(`\n${scenario.name}`);
    out(`  throughput ${fmt(result.requests.average, 0)} req/s, non-2xx ${result.non2xx}, errors ${result.errors}`);
    out(`  end-to-end latency ms: p50 ${result.latency.p50}  p90 ${result.latency.p90}  p97.5 ${result.latency.p97_5}  p99 ${result.latency.p99}`);
    out(`  auth guards per request ms: p50 ${fmt(percentile(authMs, 50))}  p95 ${fmt(percentile(authMs, 95))}  p99 ${fmt(percentile(authMs, 99))}  (n=${authMs.length})`);
    out(`  access log per request ms:  p50 ${fmt(percentile(auditMs, 50))}  p95 ${fmt(percentile(auditMs, 95))}  p99 ${fmt(percentile(auditMs, 99))}  (n=${auditMs.length})`);
  }
  // Below saturation the comparison is exact: the same route at a fixed 200 req/s (open loop), row
  // committed first vs the same row buffered; the difference is what the durable write adds.
  const path = `/api/v1/predictions/${predictionId}`;
  const fixedMs: Record<string, number[]> = {};
  for (const [label, buffered] of [['committed first', false], ['buffered', true]] as const) {
    bufferEverything = buffered;
    const run = await openLoop({ url: bench.url, path, headers: { 'x-api-key': analyst.api_key }, ratePerSecond: 200, seconds: duration });
    fixedMs[label] = run.latenciesMs;
    out(`\nGET /api/v1/predictions/:prediction_id at a fixed 200 req/s (open loop), row ${label}: ${JSON.stringify(run.statusCodes)}`);
    out(`  end-to-end latency ms: p50 ${fmt(percentile(run.latenciesMs, 50), 2)}  p95 ${fmt(percentile(run.latenciesMs, 95), 2)}  p99 ${fmt(percentile(run.latenciesMs, 99), 2)}`);
  }
  const added = (p: number): string => fmt(percentile(fixedMs['committed first'], p) - percentile(fixedMs.buffered, p), 2);
  out(`\nThe durable access-log write adds, end to end at 200 req/s: p50 ${added(50)} ms, p95 ${added(95)} ms, p99 ${added(99)} ms`);
  await bench.close();
}

runBench(main);
