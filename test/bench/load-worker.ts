import { Agent, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

interface LoadTarget {
  url: string;
  path: string;
  headers: Record<string, string>;
  /** One per request, cycled; without bodies the requests are GETs. */
  bodies?: string[];
  seconds: number;
}

export interface OpenLoopOptions extends LoadTarget {
  ratePerSecond: number;
}

export interface ClosedLoopOptions extends LoadTarget {
  connections: number;
}

export interface LoadResult {
  /** Milliseconds per request to its last response byte: from its scheduled start (open loop) or from when it was sent (closed loop). */
  latenciesMs: number[];
  statusCodes: Record<number, number>;
  errors: number;
}

type Send = (index: number, from: number, done: () => void) => void;

function sender(options: LoadTarget, agent: Agent, result: LoadResult): Send {
  const target = new URL(options.url);
  return (index, from, done) => {
    const body = options.bodies?.[index % options.bodies.length];
    const finish = (status: number | undefined): void => {
      result.latenciesMs[index] = performance.now() - from;
      if (status === undefined) result.errors += 1;
      else result.statusCodes[status] = (result.statusCodes[status] ?? 0) + 1;
      done();
    };
    const req = request(
      {
        agent, host: target.hostname, port: target.port, path: options.path, method: body === undefined ? 'GET' : 'POST',
        headers: body === undefined ? options.headers : { ...options.headers, 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => finish(res.statusCode ?? 0));
      },
    );
    req.on('error', () => finish(undefined));
    req.end(body);
  };
}

/**
 * Sends requests at evenly spaced scheduled times, whether or not earlier ones have finished (open
 * loop), and measures each from its scheduled time, so a stalled server shows as latency instead of
 * as fewer requests sent (no coordinated omission). autocannon's `overallRate` instead lets every
 * connection send back to back until its per-second quota is used up: bursts, not a fixed rate.
 */
function openLoop(options: OpenLoopOptions): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const total = Math.round(options.ratePerSecond * options.seconds);
  const intervalMs = 1000 / options.ratePerSecond;
  const result: LoadResult = { latenciesMs: new Array(total), statusCodes: {}, errors: 0 };
  const send = sender(options, agent, result);
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
    let next = 0;
    const tick = (): void => {
      // Send everything whose time has come (timers are coarse), then sleep until the next one is due.
      while (next < total && started + next * intervalMs <= performance.now()) {
        send(next, started + next * intervalMs, done);
        next += 1;
      }
      if (next < total) setTimeout(tick, Math.max(0, started + next * intervalMs - performance.now()));
    };
    tick();
  });
}

/**
 * Keeps `connections` requests in flight for `seconds`: each connection sends its next request as
 * soon as the last one is answered, like autocannon, but every latency is kept, so any percentile
 * can be read (autocannon reports p90 and p97.5, not p95).
 */
function closedLoop(options: ClosedLoopOptions): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const result: LoadResult = { latenciesMs: [], statusCodes: {}, errors: 0 };
  const send = sender(options, agent, result);
  const endAt = performance.now() + options.seconds * 1000;
  let sent = 0;
  let open = options.connections;
  return new Promise((resolve) => {
    const next = (): void => {
      if (performance.now() >= endAt) {
        open -= 1;
        if (open === 0) {
          agent.destroy();
          resolve(result);
        }
        return;
      }
      send(sent++, performance.now(), next);
    };
    for (let i = 0; i < options.connections; i++) next();
  });
}

if (parentPort && workerData) {
  const options = workerData as OpenLoopOptions | ClosedLoopOptions;
  void ('connections' in options ? closedLoop(options) : openLoop(options)).then((result) => parentPort?.postMessage(result));
}
