import type Redis from 'ioredis';
import { nyDate } from '../core/calendar';
import type { OptionType } from '../core/market/market.types';
import { MarketDataKeys } from './market-data.keys';

/** A price pushed to POST /api/webhooks/price. */
export interface PriceTick {
  symbol: string;
  price: number;
  bid: number | null;
  ask: number | null;
  /** The tick's own time (the payload's timestamp, or the receive time when it had none). */
  timestamp: Date;
  receivedAt: Date;
}

export interface StoredOptionContract {
  optionSymbol: string;
  /** The underlying (SPX for an SPXW contract). */
  underlying: string;
  type: OptionType;
  strike: number;
  expiration: string;
  bid: number;
  ask: number;
  last: number | null;
  iv: number | null;
  delta: number | null;
  gamma: number | null;
  openInterest: number | null;
  volume: number | null;
}

/** A chain snapshot pushed to POST /api/webhooks/chain. */
export interface ChainSnapshot {
  symbol: string;
  /** Underlying price sent with the snapshot, if any. */
  underlyingPrice: number | null;
  timestamp: Date;
  receivedAt: Date;
  contracts: StoredOptionContract[];
}

export type FlowSide = 'buy' | 'sell' | 'mid';

/** One option trade pushed to POST /api/webhooks/flow. */
export interface FlowEntry {
  symbol: string;
  optionSymbol: string;
  type: OptionType;
  strike: number;
  expiration: string;
  /** Aggressor side: buy (at/near the ask), sell (at/near the bid), mid. */
  side: FlowSide;
  /** Contracts. */
  size: number;
  price: number;
  /** Dollars: size x price x 100 unless the sender gave it. */
  premium: number;
  timestamp: Date;
}

export interface StoreSettings {
  priceTtlSeconds: number;
  chainTtlSeconds: number;
  flowTtlSeconds: number;
  flowMaxEntries: number;
}

export interface StoredReceipt {
  key: string;
  ttlSeconds: number;
  count: number;
}

/**
 * Market data pushed by webhooks, in Redis under the spec's keys (section 14): the latest price per symbol
 * (`price:{symbol}`, short TTL), the latest chain snapshot per symbol and New York day (`chain:{symbol}:{date}`),
 * and the day's option flow as a sorted set scored by trade time in ms (`flow:{symbol}:{date}`, trimmed to the
 * newest N entries, kept two days). The webhook provider, GEX and positioning read it back.
 */
export class MarketDataStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: MarketDataKeys,
    private readonly settings: StoreSettings,
  ) {}

  async storePrice(tick: PriceTick): Promise<StoredReceipt> {
    const key = this.keys.price(tick.symbol);
    await this.redis.set(key, JSON.stringify(tick), 'EX', this.settings.priceTtlSeconds);
    return { key, ttlSeconds: this.settings.priceTtlSeconds, count: 1 };
  }

  async storeChain(snapshot: ChainSnapshot): Promise<StoredReceipt> {
    const key = this.keys.chain(snapshot.symbol, nyDate(snapshot.timestamp));
    await this.redis.set(key, JSON.stringify(snapshot), 'EX', this.settings.chainTtlSeconds);
    return { key, ttlSeconds: this.settings.chainTtlSeconds, count: snapshot.contracts.length };
  }

  /**
   * Adds entries to their day's sorted set (score = trade time in ms). A member is the entry's JSON with its
   * position in the batch, so a batch sent twice is stored once.
   */
  async storeFlow(symbol: string, entries: FlowEntry[]): Promise<StoredReceipt[]> {
    const byKey = new Map<string, (string | number)[]>();
    entries.forEach((entry, seq) => {
      const key = this.keys.flow(symbol, nyDate(entry.timestamp));
      const args = byKey.get(key) ?? [];
      args.push(entry.timestamp.getTime(), JSON.stringify({ ...entry, seq }));
      byKey.set(key, args);
    });
    const pipeline = this.redis.multi();
    for (const [key, args] of byKey) {
      pipeline.zadd(key, ...args);
      pipeline.zremrangebyrank(key, 0, -(this.settings.flowMaxEntries + 1));
      pipeline.expire(key, this.settings.flowTtlSeconds);
    }
    const results = (await pipeline.exec()) ?? [];
    for (const [error] of results) {
      if (error) {
        throw error;
      }
    }
    return [...byKey].map(([key, args]) => ({ key, ttlSeconds: this.settings.flowTtlSeconds, count: args.length / 2 }));
  }

  async latestPrice(symbol: string): Promise<PriceTick | null> {
    const raw = await this.redis.get(this.keys.price(symbol));
    return raw === null ? null : revivePrice(raw);
  }

  /** The latest snapshot of the New York day of `now`. */
  async latestChain(symbol: string, now: Date): Promise<ChainSnapshot | null> {
    const raw = await this.redis.get(this.keys.chain(symbol, nyDate(now)));
    return raw === null ? null : reviveChain(raw);
  }

  /** The newest `limit` flow entries of the New York day of `now` at or before `now`, newest first. */
  async latestFlow(symbol: string, now: Date, limit: number): Promise<FlowEntry[]> {
    if (limit <= 0) {
      return [];
    }
    const members = await this.redis.zrevrangebyscore(
      this.keys.flow(symbol, nyDate(now)),
      now.getTime(),
      '-inf',
      'LIMIT',
      0,
      Math.floor(limit),
    );
    return members.map(reviveFlow).filter((entry): entry is FlowEntry => entry !== null);
  }
}

function revivePrice(raw: string): PriceTick | null {
  const value = parse(raw);
  if (!value || typeof value.symbol !== 'string' || typeof value.price !== 'number') {
    return null;
  }
  return {
    ...(value as unknown as PriceTick),
    timestamp: new Date(value.timestamp as string),
    receivedAt: new Date(value.receivedAt as string),
  };
}

function reviveChain(raw: string): ChainSnapshot | null {
  const value = parse(raw);
  if (!value || typeof value.symbol !== 'string' || !Array.isArray(value.contracts)) {
    return null;
  }
  return {
    ...(value as unknown as ChainSnapshot),
    timestamp: new Date(value.timestamp as string),
    receivedAt: new Date(value.receivedAt as string),
  };
}

function reviveFlow(raw: string): FlowEntry | null {
  const value = parse(raw);
  if (!value || typeof value.optionSymbol !== 'string') {
    return null;
  }
  const { seq: _seq, ...entry } = value;
  return { ...(entry as unknown as FlowEntry), timestamp: new Date(value.timestamp as string) };
}

function parse(raw: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
