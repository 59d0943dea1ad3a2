import type { CandleTimeframe, ChainQuery } from '../core/market/market.types';

/**
 * Redis keys. The webhook store uses the spec's keys (section 14) under the deployment prefix:
 * `<prefix>price:{symbol}`, `<prefix>chain:{symbol}:{date}`, `<prefix>flow:{symbol}:{date}` (date = New York date).
 * The provider chain's cache lives under `<prefix>mdcache:`.
 */
export class MarketDataKeys {
  constructor(readonly prefix: string) {}

  price(symbol: string): string {
    return `${this.prefix}price:${symbol}`;
  }

  chain(symbol: string, nyDate: string): string {
    return `${this.prefix}chain:${symbol}:${nyDate}`;
  }

  flow(symbol: string, nyDate: string): string {
    return `${this.prefix}flow:${symbol}:${nyDate}`;
  }

  cachedQuote(symbol: string): string {
    return `${this.prefix}mdcache:quote:${symbol}`;
  }

  cachedOptionQuote(optionSymbol: string): string {
    return `${this.prefix}mdcache:option:${optionSymbol}`;
  }

  cachedChain(underlying: string, query: ChainQuery | undefined): string {
    return `${this.prefix}mdcache:chain:${underlying}:${chainQueryKey(query)}`;
  }

  cachedCandles(symbol: string, timeframe: CandleTimeframe, limit: number): string {
    return `${this.prefix}mdcache:candles:${symbol}:${timeframe}:${limit}`;
  }
}

/** A canonical text for a chain query: the same query always gives the same key. */
export function chainQueryKey(query: ChainQuery | undefined): string {
  if (!query) {
    return 'all';
  }
  const expirations = query.expirations ? [...query.expirations].sort().join(',') : '*';
  const band = query.strikeBand === undefined ? '*' : String(query.strikeBand);
  return `exp=${expirations}|band=${band}|type=${query.type ?? '*'}`;
}
