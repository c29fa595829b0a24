import { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';

interface Window {
  hits: number;
  resetsAt: number;
  blockedUntil: number;
}

const SWEEP_INTERVAL_MS = 60_000;

/**
 * This replica's rate-limit counters: a fixed window per key, with the same rules as the Redis
 * script of @nest-lab/throttler-storage-redis, so a fallback to memory changes where the counts
 * live but not how they are kept. The throttler's own in-memory store keeps every hit's expiry and
 * scans them all on each request: at 1,000 requests a minute-window holds 60,000 of them.
 */
export class MemoryRateWindows {
  private readonly windows = new Map<string, Window>();
  private readonly sweeper = setInterval(() => this.sweep(), SWEEP_INTERVAL_MS).unref();

  constructor(private readonly now: () => number = Date.now) {}

  increment(key: string, ttlMs: number, limit: number, blockDurationMs: number): ThrottlerStorageRecord {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window) {
      window = { hits: 0, resetsAt: now + ttlMs, blockedUntil: 0 };
      this.windows.set(key, window);
    }
    if (window.resetsAt <= now) {
      window.hits = 0;
      window.resetsAt = now + ttlMs;
    }
    window.hits += 1;
    const isBlocked = window.blockedUntil > now || window.hits > limit;
    if (isBlocked && window.blockedUntil <= now) window.blockedUntil = now + blockDurationMs;
    return {
      totalHits: window.hits,
      timeToExpire: Math.ceil((window.resetsAt - now) / 1000),
      isBlocked,
      timeToBlockExpire: isBlocked ? Math.ceil((window.blockedUntil - now) / 1000) : 0,
    };
  }

  close(): void {
    clearInterval(this.sweeper);
    this.windows.clear();
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, window] of this.windows) {
      if (window.resetsAt <= now && window.blockedUntil <= now) this.windows.delete(key);
    }
  }
}
