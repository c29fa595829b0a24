import { Agent, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

export interface OpenLoopOptions {
  url: string;
  path: string;
  headers: Record<string, string>;
  /** One per request, cycled; without bodies the requests are GETs. */
  bodies?: string[];
  ratePerSecond: number;
  seconds: number;
}

export interface OpenLoopResult {
  /** Milliseconds from each request's scheduled start to its last response byte, in send order. */
  latenciesMs: number[];
  statusCodes: Record<number, number>;
  errors: number;
}

/**
 * Sends requests at evenly spaced scheduled times, whether or not earlier ones have finished (open
 * loop), and measures each from its scheduled time, so a stalled server shows as latency instead of
 * as fewer requests sent (no coordinated omission). autocannon's `overallRate` instead lets every
 * connection send back to back until its per-second quota is used up: bursts, not a fixed rate.
 */
function run(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const target = new URL(options.url);
  const total = Math.round(options.ratePerSecond * options.seconds);
  const intervalMs = 1000 / options.ratePerSecond;
  const result: OpenLoopResult = { latenciesMs: new Array(total), statusCodes: {}, errors: 0 };
  const started = performance.now();
  let finished = 0;
  return new Promise((resolve) => {
    const done = (): void => {
      finished += 1;
      if (finished === total) {
        agent.destroy();
        resolve(result);
      }
    };
    const send = (index: number): void => {
      const scheduled = started + index * intervalMs;
      const body = options.bodies?.[index % options.bodies.length];
      const req = request(
        {
          agent, host: target.hostname, port: target.port, path: options.path, method: body === undefined ? 'GET' : 'POST',
          headers: body === undefined ? options.headers : { ...options.headers, 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            result.latenciesMs[index] = performance.now() - scheduled;
            result.statusCodes[res.statusCode ?? 0] = (result.statusCodes[res.statusCode ?? 0] ?? 0) + 1;
            done();
          });
        },
      );
      req.on('error', () => {
        result.errors += 1;
        result.latenciesMs[index] = performance.now() - scheduled;
        done();
      });
      req.end(body);
    };
    let next = 0;
    const tick = (): void => {
      // Send everything whose time has come (timers are coarse), then sleep until the next one is due.
      while (next < total && started + next * intervalMs <= performance.now()) send(next++);
      if (next < total) setTimeout(tick, Math.max(0, started + next * intervalMs - performance.now()));
    };
    tick();
  });
}

if (parentPort && workerData) {
  void run(workerData as OpenLoopOptions).then((result) => parentPort?.postMessage(result));
}
