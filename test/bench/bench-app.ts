import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { Worker } from 'node:worker_threads';
import type { ClosedLoopOptions, LoadResult, OpenLoopOptions } from './load-worker';
import { AppModule } from 'src/app.module';
import { configureApp, createFastifyAdapter, NEST_APP_OPTIONS } from 'src/app.setup';
import { Environment, validateEnvironment } from 'src/config/environment';

export interface BenchApp {
  app: NestFastifyApplication;
  env: Environment;
  url: string;
  close(): Promise<void>;
}

const BENCH_SECRET = 'bench-only-secret-0123456789abcdef0123456789';

/** The real application on a real port: PostgreSQL at BENCH_DATABASE_URL, else the embedded database. */
export async function startBenchApp(
  overrides: Record<string, string> = {},
  beforeListen: (app: NestFastifyApplication) => void = () => undefined,
): Promise<BenchApp> {
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  const env = validateEnvironment({
    LOG_LEVEL: 'warn',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'hedis-bench-')),
    ...(process.env.MODELS_DIR ? { MODELS_DIR: process.env.MODELS_DIR } : {}),
    ...(databaseUrl ? { DATABASE_URL: databaseUrl, DB_POOL_SIZE: '20', PHI_HASH_KEY: BENCH_SECRET, AUDIT_CHECKPOINT_KEY: BENCH_SECRET } : {}),
    ...overrides,
  });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(env)] }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(env), NEST_APP_OPTIONS);
  await configureApp(app, env);
  beforeListen(app);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, env, url: `http://127.0.0.1:${port}`, close: () => app.close() };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export const fmt = (value: number, digits = 3): string => value.toFixed(digits);

export function load(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

export function out(line = ''): void {
  process.stdout.write(`${line}\n`);
}

/** Runs a benchmark's main function and exits with its outcome (benchmarks leave timers and sockets behind). */
export function runBench(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
}

/** An open-loop load at a fixed rate, from a worker thread (see load-worker.ts). */
export function openLoop(options: OpenLoopOptions): Promise<LoadResult> {
  return inWorker(options);
}

/** A closed-loop load on a fixed number of connections that keeps every latency (see load-worker.ts). */
export function closedLoop(options: ClosedLoopOptions): Promise<LoadResult> {
  return inWorker(options);
}

function inWorker(options: OpenLoopOptions | ClosedLoopOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(join(__dirname, 'load-worker.js'), { workerData: options });
    worker.once('message', (result: LoadResult) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}
