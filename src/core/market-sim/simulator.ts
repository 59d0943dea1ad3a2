import { expirationCloseInstant, isExpirationDate } from '../expiration';
import type {
  Candle,
  CandleTimeframe,
  ChainQuery,
  MarketDataResult,
  OptionChain,
  OptionQuote,
  StockQuote,
} from '../market/market.types';
import { parseOccSymbol } from '../occ/occ-symbol';
import { simCandles } from './candles';
import { expirySlice, simChain, simContract } from './options';
import { priceAt, SimPrice } from './price-path';
import { ceilTo, floorTo, roundCents } from './rounding';
import { normalizeSimSymbol, SymbolProfile, symbolProfile, underlyingOfRoot } from './symbols';

/**
 * The offline market: deterministic in (seed, symbol, instant). Same seed and same `now` give identical quotes,
 * candles and chains, whatever was asked before.
 */
export interface SimulatorConfig {
  seed: number;
  /** Continuously compounded risk-free rate used to price options (0.04 = 4 %). */
  riskFreeRate: number;
}

export const SIMULATED_SOURCE = 'simulated';

type Resolved = { ok: true; profile: SymbolProfile; price: SimPrice } | { ok: false; failure: MarketDataResult<never> };

function resolve(symbol: string, now: Date, config: SimulatorConfig): Resolved {
  const normalized = normalizeSimSymbol(symbol);
  if (!normalized) {
    return {
      ok: false,
      failure: {
        ok: false,
        reasonCode: 'symbol_not_supported',
        detail: `'${symbol}' is not a ticker`,
        provider: SIMULATED_SOURCE,
      },
    };
  }
  const price = priceAt(normalized, now, config.seed);
  if (!price) {
    return {
      ok: false,
      failure: {
        ok: false,
        reasonCode: 'market_data_unavailable',
        detail: `${now.toISOString()} is outside the simulated range`,
        provider: SIMULATED_SOURCE,
      },
    };
  }
  return { ok: true, profile: symbolProfile(normalized), price };
}

/** Bid/ask: one cent wide for ETFs, ~3 bp for stocks; none for an index (it does not trade). */
export function stockQuoteAt(profile: SymbolProfile, price: SimPrice): StockQuote {
  const mid = price.price;
  let bid: number | null = null;
  let ask: number | null = null;
  if (profile.kind === 'etf') {
    bid = floorTo(mid, 0.01);
    ask = roundCents(bid + 0.01);
  } else if (profile.kind === 'stock') {
    const half = Math.max(0.005, mid * 0.00015);
    bid = floorTo(mid - half, 0.01);
    ask = ceilTo(mid + half, 0.01);
  }
  const last = roundCents(mid);
  return {
    symbol: profile.symbol,
    bid,
    ask,
    last,
    mid: bid !== null && ask !== null ? roundCents((bid + ask) / 2 + 1e-9) : last,
    asOf: price.asOf,
    source: SIMULATED_SOURCE,
  };
}

export function simStockQuote(symbol: string, now: Date, config: SimulatorConfig): MarketDataResult<StockQuote> {
  const resolved = resolve(symbol, now, config);
  return resolved.ok ? { ok: true, value: stockQuoteAt(resolved.profile, resolved.price) } : resolved.failure;
}

export function simCandleSeries(
  symbol: string,
  timeframe: CandleTimeframe,
  limit: number,
  now: Date,
  config: SimulatorConfig,
): MarketDataResult<Candle[]> {
  const resolved = resolve(symbol, now, config);
  if (!resolved.ok) {
    return resolved.failure;
  }
  return { ok: true, value: simCandles(resolved.profile.symbol, timeframe, limit, now, config.seed) };
}

export function simOptionChain(
  underlying: string,
  now: Date,
  config: SimulatorConfig,
  query: ChainQuery = {},
): MarketDataResult<OptionChain> {
  const resolved = resolve(underlying, now, config);
  if (!resolved.ok) {
    return resolved.failure;
  }
  return { ok: true, value: simChain(resolved.profile, resolved.price, now, config, query) };
}

export function simOptionQuote(
  optionSymbol: string,
  now: Date,
  config: SimulatorConfig,
): MarketDataResult<OptionQuote> {
  const parsed = parseOccSymbol(optionSymbol);
  if (!parsed.ok) {
    return { ok: false, reasonCode: 'symbol_not_supported', detail: parsed.error, provider: SIMULATED_SOURCE };
  }
  const { underlying: root, expiration, type, strike } = parsed.value;
  const underlying = underlyingOfRoot(root);
  const resolved = resolve(underlying, now, config);
  if (!resolved.ok) {
    return resolved.failure;
  }
  if (!isExpirationDate(underlying, expiration)) {
    return {
      ok: false,
      reasonCode: 'symbol_not_supported',
      detail: `${expiration} is not an expiration of ${underlying}`,
      provider: SIMULATED_SOURCE,
    };
  }
  if (expirationCloseInstant(underlying, expiration).getTime() <= now.getTime()) {
    return {
      ok: false,
      reasonCode: 'symbol_not_supported',
      detail: `${optionSymbol.trim().toUpperCase()} expired`,
      provider: SIMULATED_SOURCE,
    };
  }
  const slice = expirySlice(resolved.profile, resolved.price, expiration, now, config.seed);
  const quote = simContract({
    profile: resolved.profile,
    price: resolved.price,
    slice,
    strike,
    type,
    now,
    settings: config,
    root,
  });
  return { ok: true, value: quote };
}
