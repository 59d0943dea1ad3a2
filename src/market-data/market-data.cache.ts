import { Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import type { Clock } from '../core/clock';

interface CacheEntry {
  cachedAtMs: number;
  value: unknown;
}

/**
 * The provider chain's Redis cache. Entries carry the platform-clock time they were cached at and expire in Redis
 * after their TTL (PX); a read also treats an entry older than the TTL on the platform clock (or from its future,
 * after the clock was moved back) as a miss, so a simulated or test clock never sees data from another time.
 * Redis trouble is a miss, never an error: the chain then asks the providers.
 */
export class MarketDataCache {
  private readonly logger = new Logger(MarketDataCache.name);
  private warned = false;

  constructor(
    private readonly redis: Redis,
    private readonly clock: Clock,
    private readonly opTimeoutMs = 250,
  ) {}

  async get<T>(key: string, ttlMs: number, revive: (value: unknown) => T | null): Promise<T | null> {
    if (ttlMs <= 0) {
      return null;
    }
    const raw = await this.guard(this.redis.get(key));
    if (raw === null || raw === undefined) {
      return null;
    }
    let entry: CacheEntry;
    try {
      entry = JSON.parse(raw) as CacheEntry;
    } catch {
      return null;
    }
    const age = this.clock.now().getTime() - entry.cachedAtMs;
    if (typeof entry.cachedAtMs !== 'number' || age < 0 || age >= ttlMs) {
      return null;
    }
    return revive(entry.value);
  }

  async set(key: string, value: unknown, ttlMs: number): Promise<void> {
    if (ttlMs <= 0) {
      return;
    }
    const entry: CacheEntry = { cachedAtMs: this.clock.now().getTime(), value };
    await this.guard(this.redis.set(key, JSON.stringify(entry), 'PX', Math.max(1, Math.round(ttlMs))));
  }

  private async guard<T>(operation: Promise<T>): Promise<T | null> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), this.opTimeoutMs);
    });
    try {
      const result = await Promise.race([operation, timeout]);
      this.warned = false;
      return result;
    } catch (error) {
      if (!this.warned) {
        this.logger.warn(`market data cache unavailable: ${(error as Error).message}`);
        this.warned = true;
      }
      return null;
    } finally {
      clearTimeout(timer);
    }
  }
}
