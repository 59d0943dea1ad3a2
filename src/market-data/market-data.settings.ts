import type { AppConfig } from '../config';
import type { CandleTimeframe } from '../core/market/market.types';

/**
 * Market data settings that have no environment variable yet (docs/market-data.md lists the names proposed for
 * them); everything else comes from config.marketData.
 */
export interface MarketDataSettings {
  /** Prefix of every market data key in Redis: `<QUEUE_PREFIX>:` (the deployment's namespace). */
  keyPrefix: string;
  timeoutMs: number;
  breaker: { failureThreshold: number; cooldownMs: number };
  cacheTtlMs: { quote: number; chain: number; candles: Readonly<Record<CandleTimeframe, number>> };
  /** Redis calls of the cache give up after this and count as a miss. */
  cacheOpTimeoutMs: number;
  webhook: {
    priceTtlSeconds: number;
    chainTtlSeconds: number;
    flowTtlSeconds: number;
    flowMaxEntries: number;
    /** A pushed price older than this (by its timestamp, on the platform clock) is market_data_stale. */
    priceMaxAgeMs: number;
    chainMaxAgeMs: number;
    /** Timestamps further ahead of the platform clock than this are refused. */
    maxFutureSkewMs: number;
  };
  simulator: { seed: number; riskFreeRate: number };
}

export const MARKET_DATA_SETTINGS = Symbol('MARKET_DATA_SETTINGS');

/** Candle cache lifetimes: short for short bars (only completed bars are served, so a new one appears at most this late). */
export const CANDLE_CACHE_TTL_MS: Readonly<Record<CandleTimeframe, number>> = {
  '1m': 10_000,
  '5m': 30_000,
  '15m': 60_000,
  '30m': 120_000,
  '1h': 300_000,
  '4h': 600_000,
  '1d': 900_000,
};

export function marketDataSettings(config: AppConfig): MarketDataSettings {
  return {
    keyPrefix: `${config.redis.queuePrefix}:`,
    timeoutMs: config.marketData.timeoutMs,
    breaker: { failureThreshold: 3, cooldownMs: 30_000 },
    cacheTtlMs: {
      quote: config.marketData.quoteTtlMs,
      chain: config.marketData.chainTtlMs,
      candles: CANDLE_CACHE_TTL_MS,
    },
    cacheOpTimeoutMs: 250,
    webhook: {
      priceTtlSeconds: 60,
      chainTtlSeconds: 300,
      flowTtlSeconds: 2 * 86_400,
      flowMaxEntries: 5000,
      priceMaxAgeMs: 60_000,
      chainMaxAgeMs: 300_000,
      maxFutureSkewMs: 300_000,
    },
    simulator: { seed: config.marketData.simSeed, riskFreeRate: config.marketData.riskFreeRate },
  };
}
