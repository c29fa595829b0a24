import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import Redis from 'ioredis';
import { Environment } from 'src/config/environment';
import { MemoryRateWindows } from 'src/modules/auth/memory-rate-windows';

const WARNING_INTERVAL_MS = 30_000;

/**
 * Rate-limit counters in Redis when REDIS_URL is set (one limit across replicas), else in memory.
 * If Redis cannot answer within a few hundred milliseconds the counters fall back to this
 * replica's memory: limits keep holding per replica instead of requests failing or waiting.
 * Authentication never depends on Redis, so this cannot let an unauthenticated request through.
 */
@Injectable()
export class RateLimitStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly logger = new Logger(RateLimitStorage.name);
  private readonly memory = new MemoryRateWindows();
  private readonly redis: Redis | null;
  private readonly shared: ThrottlerStorageRedisService | null;
  private lastWarning = 0;

  constructor(env: Environment) {
    this.redis = env.REDIS_URL
      ? new Redis(env.REDIS_URL, {
          enableOfflineQueue: false,
          maxRetriesPerRequest: 0,
          connectTimeout: 1_000,
          commandTimeout: 250,
        })
      : null;
    this.redis?.on('error', (error: Error) => this.warn(error));
    this.shared = this.redis ? new ThrottlerStorageRedisService(this.redis) : null;
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    if (this.shared) {
      try {
        return await this.shared.increment(key, ttl, limit, blockDuration, throttlerName);
      } catch (error) {
        this.warn(error as Error);
      }
    }
    return this.memory.increment(`${key}:${throttlerName}`, ttl, limit, blockDuration);
  }

  onApplicationShutdown(): void {
    this.memory.close();
    this.redis?.disconnect();
  }

  private warn(error: Error): void {
    if (Date.now() - this.lastWarning < WARNING_INTERVAL_MS) return;
    this.lastWarning = Date.now();
    this.logger.warn({ err: { message: error.message } }, 'Redis unavailable; rate limits fall back to per-replica memory');
  }
}

@Module({ providers: [RateLimitStorage], exports: [RateLimitStorage] })
export class RateLimitStorageModule {}
