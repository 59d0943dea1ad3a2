import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig, APP_CONFIG } from '../config';
import { withTimeout } from '../common/async/with-timeout';
import { redisOptionsFromUrl } from './redis-options';

/**
 * One small Redis connection that tells whether Redis is reachable right now: readiness checks use it, and the
 * webhook skips its enqueue while Redis is down (the outbox sweep enqueues those signals once it is back).
 */
@Injectable()
export class RedisStatusService implements OnApplicationShutdown {
  private readonly logger = new Logger(RedisStatusService.name);
  /** Shared by best-effort caches (bias): never offline-queued, one retry, so a dead Redis fails fast. */
  readonly client: Redis;
  private lastError: string | null = null;
  private readyWaiters: (() => void)[] = [];

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.client = new Redis({
      ...redisOptionsFromUrl(config.redis.url),
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      retryStrategy: (times) => Math.min(times * 200, 2000),
      lazyConnect: false,
    });
    this.client.on('error', (error: Error) => {
      if (this.lastError !== error.message) {
        this.logger.warn(`Redis unavailable: ${error.message}`);
      }
      this.lastError = error.message;
    });
    this.client.on('ready', () => {
      if (this.lastError) {
        this.logger.log('Redis connection restored');
      }
      this.lastError = null;
      const waiters = this.readyWaiters;
      this.readyWaiters = [];
      waiters.forEach((resolve) => resolve());
    });
  }

  /** Runs `fn` as soon as Redis is reachable (now, or when it comes back); never while the app shuts down. */
  whenReady(fn: () => void): void {
    if (this.isReady()) {
      fn();
    } else {
      this.readyWaiters.push(fn);
    }
  }

  isReady(): boolean {
    return this.client.status === 'ready';
  }

  /** Which of these keys exist, in one round trip. */
  async existing(keys: string[]): Promise<boolean[]> {
    if (keys.length === 0) {
      return [];
    }
    const pipeline = this.client.pipeline();
    for (const key of keys) {
      pipeline.exists(key);
    }
    const results = (await pipeline.exec()) ?? [];
    return results.map(([error, count]) => {
      if (error) {
        throw error;
      }
      return count === 1;
    });
  }

  async ping(timeoutMs = 1000): Promise<void> {
    if (!this.isReady()) {
      throw new Error(`Redis not connected (${this.client.status}${this.lastError ? `: ${this.lastError}` : ''})`);
    }
    await withTimeout(this.client.ping(), timeoutMs, 'Redis PING timed out');
  }

  async onApplicationShutdown(): Promise<void> {
    this.readyWaiters = [];
    this.client.disconnect();
  }
}
