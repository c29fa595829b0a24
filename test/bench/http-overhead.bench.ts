import 'reflect-metadata';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccessRecorder } from 'src/modules/audit/access-recorder';
import { ApiKeysService } from 'src/modules/auth/api-keys.service';
import { ApiKeyGuard } from 'src/modules/auth/guards/api-key.guard';
import { RateLimitGuard } from 'src/modules/auth/guards/rate-limit.guard';
import { RolesGuard } from 'src/modules/auth/guards/roles.guard';
import { Role } from 'src/modules/auth/role';
import { aMember } from 'src/modules/members/testing/member-record.fixture';
import { closedLoop, fmt, openLoop, out, percentile, runBench, startBenchApp } from './bench-app';

const percentiles = (ms: number[], digits = 2): string => [50, 95, 99].map((p) => `p${p} ${fmt(percentile(ms, p), digits)}`).join('  ');

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
  // Fastify's elapsedTime: from the request's arrival to its response, whatever the client does.
  const serverMs: number[] = [];
  const bench = await startBenchApp({}, (app) =>
    app.getHttpAdapter().getInstance().addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
      const ns = authNs.get(request);
      if (ns !== undefined) authMs.push(ns / 1e6);
      serverMs.push(reply.elapsedTime);
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

  interface Sample {
    requests: number;
    endToEnd: number[];
    inServer: number[];
    auth: number[];
    audit: number[];
  }
  const sample = (): Sample => ({ requests: 0, endToEnd: [], inServer: [], auth: [], audit: [] });
  const runClosedLoop = async (path: string, key: string, buffered: boolean, into: Sample): Promise<void> => {
    bufferEverything = buffered;
    [authMs, auditMs, serverMs].forEach((list) => (list.length = 0));
    const result = await closedLoop({ url: bench.url, path, connections: 50, seconds: duration, headers: { 'x-api-key': key } });
    if (result.errors > 0 || Object.keys(result.statusCodes).some((code) => code !== '200')) {
      throw new Error(`${path}: ${result.errors} errors, status codes ${JSON.stringify(result.statusCodes)}`);
    }
    into.requests += result.latenciesMs.length;
    into.endToEnd.push(...result.latenciesMs);
    into.inServer.push(...serverMs);
    into.auth.push(...authMs);
    into.audit.push(...auditMs);
  };
  const report = (name: string, rounds: number, s: Sample): void => {
    out(`\n${name}`);
    out(`  throughput ${fmt(s.requests / (rounds * duration), 0)} req/s over ${rounds} × ${duration} s`);
    out(`  end-to-end latency ms:     ${percentiles(s.endToEnd)}`);
    out(`  in the server ms:          ${percentiles(s.inServer)}`);
    out(`  auth guards per request ms: ${percentiles(s.auth, 3)}`);
    out(`  access log per request ms:  ${percentiles(s.audit, 3)}`);
  };

  const adminRoute = sample();
  await runClosedLoop(`/api/v1/admin/api-keys/${admin.id}`, admin.api_key, false, adminRoute);
  report('GET /api/v1/admin/api-keys/:id (no member data: audit row buffered)', 1, adminRoute);

  // The same member-data route with its row committed before the response, and with the same row
  // only buffered; the rounds alternate so that drift on the machine falls on both alike.
  const rounds = 3;
  const path = `/api/v1/predictions/${predictionId}`;
  const durable = sample();
  const buffered = sample();
  for (let round = 0; round < rounds; round++) {
    await runClosedLoop(path, analyst.api_key, false, durable);
    await runClosedLoop(path, analyst.api_key, true, buffered);
  }
  report('GET /api/v1/predictions/:prediction_id (member data: audit row committed before the response)', rounds, durable);
  report('GET /api/v1/predictions/:prediction_id, the same row only buffered (comparison: what the durable write costs)', rounds, buffered);
  const difference = (pick: (s: Sample) => number[], p: number): string => fmt(percentile(pick(durable), p) - percentile(pick(buffered), p), 2);
  const differences = (pick: (s: Sample) => number[]): string => [50, 95, 99].map((p) => `p${p} ${difference(pick, p)} ms`).join(', ');
  out(`\nAt 50 connections the durable write adds, end to end: ${differences((s) => s.endToEnd)}`);
  out(`  in the server: ${differences((s) => s.inServer)}`);
  out(`  throughput: ${fmt(durable.requests / (rounds * duration), 0)} against ${fmt(buffered.requests / (rounds * duration), 0)} req/s`);

  // Below saturation the comparison is exact: the same route at a fixed 200 req/s (open loop), row
  // committed first vs the same row buffered; the difference is what the durable write adds.
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
