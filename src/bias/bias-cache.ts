import { Inject, Injectable, Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { AppConfig, APP_CONFIG } from '../config';
import type { BiasEvent, UnifiedBiasState } from '../core/bias';
import { isRecord } from '../core/signal/payload-fields';
import { withTimeout } from '../common/async/with-timeout';
import { RedisStatusService } from '../queues/redis-status.service';

/** Cache entries outlive a long weekend; PostgreSQL stays the source of truth. */
export const BIAS_CACHE_TTL_SECONDS = 3 * 24 * 3600;
export const BIAS_EVENTS_KEPT = 100;
const REDIS_TIMEOUT_MS = 500;

/** One entry of `bias:{symbol}:events`, newest first. */
export interface BiasEventLogEntry {
  event_id: string;
  source: BiasEvent['source'];
  event_type: string;
  event_time: string;
  received_at: string;
  status: 'ACCEPTED' | 'OUT_OF_ORDER';
  bias_score: number;
  direction: string;
}

/*
 * Writes the state only if it is newer than the cached one (eventCount grows by one per applied event under the
 * PostgreSQL per-symbol lock), so two ingests finishing out of order cannot leave the older state in the cache.
 */
const SET_IF_NEWER = `
local current = redis.call('GET', KEYS[1])
if current then
  local ok, decoded = pcall(cjson.decode, current)
  if ok and type(decoded) == 'table' and tonumber(decoded['eventCount']) and
     tonumber(decoded['eventCount']) >= tonumber(ARGV[2]) then
    return 0
  end
end
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[3])
return 1`;

/**
 * The Redis side of the bias system: `{prefix}:bias:{symbol}:current` (the state, JSON) and
 * `{prefix}:bias:{symbol}:events` (the last 100 events). The prefix is QUEUE_PREFIX (default `bull`), like every key
 * of this deployment. Every call is best-effort: Redis down means a slower read from PostgreSQL, never a failure.
 */
@Injectable()
export class BiasCache {
  private readonly logger = new Logger(BiasCache.name);
  private readonly client: Redis;
  private readonly prefix: string;
  private lastError: string | null = null;

  constructor(@Inject(APP_CONFIG) config: AppConfig, redis: RedisStatusService) {
    this.prefix = config.redis.queuePrefix;
    // The platform's best-effort Redis connection (its owner logs outages and closes it at shutdown).
    this.client = redis.client;
    this.client.on('error', (error: Error) => {
      this.lastError = error.message;
    });
    this.client.on('ready', () => {
      this.lastError = null;
    });
  }

  currentKey(symbol: string): string {
    return `${this.prefix}:bias:${symbol}:current`;
  }

  eventsKey(symbol: string): string {
    return `${this.prefix}:bias:${symbol}:events`;
  }

  /** The cached state; null on a miss, an unreadable entry or Redis down. */
  async getCurrent(symbol: string): Promise<UnifiedBiasState | null> {
    const raw = await this.attempt('read', () => this.client.get(this.currentKey(symbol)));
    if (typeof raw !== 'string') {
      return null;
    }
    try {
      const parsed: unknown = JSON.parse(raw);
      return isRecord(parsed) && parsed.schemaVersion === 1 && parsed.symbol === symbol
        ? (parsed as unknown as UnifiedBiasState)
        : null;
    } catch {
      return null;
    }
  }

  async setCurrent(state: UnifiedBiasState): Promise<void> {
    await this.attempt('write', () =>
      this.client.eval(
        SET_IF_NEWER,
        1,
        this.currentKey(state.symbol),
        JSON.stringify(state),
        String(state.eventCount),
        String(BIAS_CACHE_TTL_SECONDS),
      ),
    );
  }

  async pushEvent(symbol: string, entry: BiasEventLogEntry): Promise<void> {
    const key = this.eventsKey(symbol);
    await this.attempt('write', () =>
      this.client
        .multi()
        .lpush(key, JSON.stringify(entry))
        .ltrim(key, 0, BIAS_EVENTS_KEPT - 1)
        .expire(key, BIAS_CACHE_TTL_SECONDS)
        .exec(),
    );
  }

  async recentEvents(symbol: string, limit: number): Promise<BiasEventLogEntry[]> {
    const raw = await this.attempt('read', () => this.client.lrange(this.eventsKey(symbol), 0, limit - 1));
    if (!Array.isArray(raw)) {
      return [];
    }
    const entries: BiasEventLogEntry[] = [];
    for (const item of raw) {
      try {
        entries.push(JSON.parse(item) as BiasEventLogEntry);
      } catch {
        // A foreign or damaged entry: skipped.
      }
    }
    return entries;
  }

  /** Ready now, or (just after boot, when no error has been seen) within the timeout. */
  private async ready(): Promise<boolean> {
    if (this.client.status === 'ready') {
      return true;
    }
    if (this.lastError !== null || this.client.status === 'end') {
      return false;
    }
    return new Promise((resolve) => {
      const done = (value: boolean): void => {
        clearTimeout(timer);
        this.client.off('ready', onReady);
        resolve(value);
      };
      const onReady = (): void => done(true);
      const timer = setTimeout(() => done(false), REDIS_TIMEOUT_MS);
      this.client.once('ready', onReady);
    });
  }

  private async attempt<T>(what: 'read' | 'write', fn: () => Promise<T>): Promise<T | null> {
    if (!(await this.ready())) {
      return null;
    }
    try {
      return await withTimeout(fn(), REDIS_TIMEOUT_MS, 'bias cache timed out');
    } catch (error) {
      this.logger.warn(`bias cache ${what} failed: ${(error as Error).message}`);
      return null;
    }
  }
}
