import { ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExportServiceReady } from './audit-export-service';
import { fmt, out, runBench } from './bench-app';

const MB = 1e6;

/** The service process's resident memory now and its peak since the last reset, from /proc (Linux). */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const bytes = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) * 1024;
  return { rss: bytes('VmRSS'), peak: bytes('VmHWM') };
}

/** Restarts the peak (VmHWM) at the current RSS, so each export's peak is its own. */
function resetPeak(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

function countLines(chunk: Uint8Array): number {
  let lines = 0;
  for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines += 1;
  return lines;
}

function whenReady(service: ChildProcess): Promise<ExportServiceReady> {
  return new Promise((resolve, reject) => {
    service.once('message', (message) => resolve(message as ExportServiceReady));
    service.once('exit', (code) => reject(new Error(`The service process exited (code ${code}) before it was ready.`)));
  });
}

async function exportOnce(service: ExportServiceReady, pid: number, format: 'csv' | 'jsonl'): Promise<string> {
  const before = memoryOf(pid).rss;
  resetPeak(pid);
  const begin = Date.now();
  const response = await fetch(`${service.url}/api/v1/audit/access-log/export?format=${format}&event_type=bench.synthetic`, {
    headers: { 'x-api-key': service.apiKey },
  });
  if (response.status !== 200 || !response.body) throw new Error(`The ${format} export answered ${response.status}.`);
  let bytes = 0;
  let lines = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    lines += countLines(chunk);
  }
  const seconds = (Date.now() - begin) / 1000;
  const { peak } = memoryOf(pid);
  return `  ${format.padEnd(5)} ${lines.toLocaleString('en-US')} lines, ${fmt(bytes / MB, 0)} MB in ${fmt(seconds, 1)} s; `
    + `service process RSS ${fmt(before / MB, 0)} MB before, peak ${fmt(peak / MB, 0)} MB`;
}

/**
 * A 1,000,000-row access-log export streamed as CSV and as JSON Lines (target: the service stays under
 * 250 MB resident). The service runs in its own process (audit-export-service.ts), so the figure is its
 * memory alone; this process only consumes the streams and counts lines and bytes. The synthetic rows
 * are deleted afterwards, also when an export fails.
 */
runBench(async () => {
  const service = fork(join(__dirname, 'audit-export-service.js'));
  const exitCode = once(service, 'exit').then(([code]) => code as number | null);
  try {
    const ready = await whenReady(service);
    for (const format of ['csv', 'jsonl'] as const) out(await exportOnce(ready, service.pid ?? 0, format));
  } finally {
    if (service.connected) service.send('finish');
    await exitCode;
  }
  const code = await exitCode;
  if (code !== 0) throw new Error(`The service process exited with code ${code}.`);
});
