import type {
  Candle,
  CandleTimeframe,
  ChainQuery,
  MarketDataResult,
  OptionChain,
  OptionQuote,
  StockQuote,
} from '../core/market/market.types';
import type { MarketDataProviderName } from '../config';

export type { MarketDataProviderName };

/**
 * One market data source. Every method answers a result, never throws for "no data": a vendor outage, an unknown
 * symbol or a stale quote is `{ ok: false, reasonCode }`. A method a vendor cannot serve answers
 * `symbol_not_supported` with a detail, so the chain moves on to the next provider.
 */
export interface MarketDataProvider {
  readonly name: MarketDataProviderName;
  stockQuote(symbol: string): Promise<MarketDataResult<StockQuote>>;
  optionQuote(optionSymbol: string): Promise<MarketDataResult<OptionQuote>>;
  optionChain(underlying: string, query?: ChainQuery): Promise<MarketDataResult<OptionChain>>;
  /** The most recent `limit` bars ending at or before now, oldest first. */
  candles(symbol: string, timeframe: CandleTimeframe, limit: number): Promise<MarketDataResult<Candle[]>>;
}

/** Injection token for the provider chain (the one the rest of the platform uses). */
export const MARKET_DATA = Symbol('MARKET_DATA');
