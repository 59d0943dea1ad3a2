/**
 * Market data shapes shared by the providers, the pure core (pricing, GEX, strikes, indicators) and the engines.
 * Prices are plain numbers here (quotes, not money balances); `asOf` is the quote's own time, never "now".
 */

export type OptionType = 'call' | 'put';

export interface StockQuote {
  symbol: string;
  bid: number | null;
  ask: number | null;
  last: number;
  /** (bid + ask) / 2 when both are present, else last. */
  mid: number;
  asOf: Date;
  source: string;
}

export interface Greeks {
  delta: number;
  gamma: number;
  /** Per calendar day. */
  theta: number;
  /** Per volatility point (1%). */
  vega: number;
  /** Per rate point (1%). */
  rho: number;
}

export interface OptionQuote {
  /** OCC symbol, e.g. SPY260220C00596000. */
  optionSymbol: string;
  underlying: string;
  type: OptionType;
  strike: number;
  /** YYYY-MM-DD (the expiration date in New York). */
  expiration: string;
  bid: number | null;
  ask: number | null;
  last: number | null;
  mid: number | null;
  /** Annualized, as a fraction (0.18 = 18%). */
  iv: number | null;
  greeks: Greeks | null;
  openInterest: number | null;
  volume: number | null;
  asOf: Date;
  source: string;
}

export interface OptionChain {
  underlying: string;
  /** Underlying price used for the chain (mid or last). */
  spot: number;
  asOf: Date;
  source: string;
  contracts: OptionQuote[];
}

export interface ChainQuery {
  /** Only these expirations (YYYY-MM-DD); all when absent. */
  expirations?: string[];
  /** Only strikes within this band around spot, as a fraction (0.1 = +-10%). */
  strikeBand?: number;
  type?: OptionType;
}

/** Candle timeframes, in the canonical form of docs/webhook-formats.md. */
export type CandleTimeframe = '1m' | '5m' | '15m' | '30m' | '1h' | '4h' | '1d';

export interface Candle {
  /** Bar open time. */
  time: Date;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

/** Why market data could not be given: never a silent zero. */
export type MarketDataFailure =
  'market_data_unavailable' | 'market_data_stale' | 'symbol_not_supported' | 'provider_not_configured';

export type MarketDataResult<T> =
  { ok: true; value: T } | { ok: false; reasonCode: MarketDataFailure; detail: string; provider?: string };
