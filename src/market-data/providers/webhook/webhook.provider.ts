import type { Clock } from '../../../core/clock';
import type {
  Candle,
  CandleTimeframe,
  ChainQuery,
  MarketDataResult,
  OptionChain,
  OptionQuote,
  StockQuote,
} from '../../../core/market/market.types';
import { parseOccSymbol } from '../../../core/occ/occ-symbol';
import type { MarketDataProvider, MarketDataProviderName } from '../../market-data.provider';
import { ChainSnapshot, MarketDataStore, StoredOptionContract } from '../../market-data.store';
import { applyChainQuery, sortContracts } from '../http/chain-query';
import { underlyingOfRoot } from '../../../core/market-sim';

export interface WebhookProviderSettings {
  /** A pushed price older than this on the platform clock is market_data_stale. */
  priceMaxAgeMs: number;
  chainMaxAgeMs: number;
}

type Failure = Extract<MarketDataResult<never>, { ok: false }>;

const SOURCE = 'webhook';

function fail(reasonCode: Failure['reasonCode'], detail: string): Failure {
  return { ok: false, reasonCode, detail, provider: SOURCE };
}

/**
 * Serves what the market data webhooks pushed into Redis (MarketDataStore). Nothing pushed (or expired from Redis)
 * is market_data_unavailable; pushed but older than the max age on the platform clock is market_data_stale.
 * Candles are not pushed: symbol_not_supported, so the chain asks the next provider.
 */
export class WebhookProvider implements MarketDataProvider {
  readonly name: MarketDataProviderName = 'webhook';

  constructor(
    private readonly store: MarketDataStore,
    private readonly clock: Clock,
    private readonly settings: WebhookProviderSettings,
  ) {}

  async stockQuote(symbol: string): Promise<MarketDataResult<StockQuote>> {
    const tick = await this.store.latestPrice(symbol);
    if (!tick) {
      return fail('market_data_unavailable', `no price pushed for ${symbol}`);
    }
    const stale = this.staleness(`price of ${symbol}`, tick.timestamp, this.settings.priceMaxAgeMs);
    if (stale) {
      return stale;
    }
    const { bid, ask } = tick;
    return {
      ok: true,
      value: {
        symbol: tick.symbol,
        bid,
        ask,
        last: tick.price,
        mid: bid !== null && ask !== null ? (bid + ask) / 2 : tick.price,
        asOf: tick.timestamp,
        source: SOURCE,
      },
    };
  }

  async optionQuote(optionSymbol: string): Promise<MarketDataResult<OptionQuote>> {
    const parsed = parseOccSymbol(optionSymbol);
    if (!parsed.ok) {
      return fail('symbol_not_supported', parsed.error);
    }
    const underlying = underlyingOfRoot(parsed.value.underlying);
    const snapshot = await this.freshChain(underlying);
    if (!snapshot.ok) {
      return snapshot;
    }
    const normalized = optionSymbol.trim().toUpperCase();
    const contract = snapshot.value.contracts.find((c) => c.optionSymbol === normalized);
    if (!contract) {
      return fail('market_data_unavailable', `${normalized} is not in the last chain pushed for ${underlying}`);
    }
    return { ok: true, value: toOptionQuote(contract, snapshot.value.timestamp) };
  }

  async optionChain(underlying: string, query?: ChainQuery): Promise<MarketDataResult<OptionChain>> {
    const snapshot = await this.freshChain(underlying);
    if (!snapshot.ok) {
      return snapshot;
    }
    let spot = snapshot.value.underlyingPrice;
    if (spot === null) {
      const quote = await this.stockQuote(underlying);
      if (!quote.ok) {
        return fail(quote.reasonCode, `chain of ${underlying} has no underlying_price and ${quote.detail}`);
      }
      spot = quote.value.mid;
    }
    const contracts = snapshot.value.contracts.map((c) => toOptionQuote(c, snapshot.value.timestamp));
    return {
      ok: true,
      value: {
        underlying,
        spot,
        asOf: snapshot.value.timestamp,
        source: SOURCE,
        contracts: sortContracts(applyChainQuery(contracts, spot, query)),
      },
    };
  }

  async candles(symbol: string, timeframe: CandleTimeframe, _limit: number): Promise<MarketDataResult<Candle[]>> {
    return fail('symbol_not_supported', `the webhook provider has no candles (${symbol} ${timeframe})`);
  }

  private async freshChain(underlying: string): Promise<MarketDataResult<ChainSnapshot>> {
    const snapshot = await this.store.latestChain(underlying, this.clock.now());
    if (!snapshot) {
      return fail('market_data_unavailable', `no chain pushed for ${underlying} today`);
    }
    const stale = this.staleness(`chain of ${underlying}`, snapshot.timestamp, this.settings.chainMaxAgeMs);
    return stale ?? { ok: true, value: snapshot };
  }

  private staleness(what: string, asOf: Date, maxAgeMs: number): Failure | null {
    const ageMs = this.clock.now().getTime() - asOf.getTime();
    if (ageMs > maxAgeMs) {
      return fail('market_data_stale', `${what} is ${Math.round(ageMs / 1000)} s old (max ${maxAgeMs / 1000} s)`);
    }
    return null;
  }
}

function toOptionQuote(contract: StoredOptionContract, asOf: Date): OptionQuote {
  const { bid, ask } = contract;
  const greeks =
    contract.delta !== null || contract.gamma !== null
      ? { delta: contract.delta ?? 0, gamma: contract.gamma ?? 0, theta: 0, vega: 0, rho: 0 }
      : null;
  return {
    optionSymbol: contract.optionSymbol,
    underlying: contract.underlying,
    type: contract.type,
    strike: contract.strike,
    expiration: contract.expiration,
    bid,
    ask,
    last: contract.last,
    mid: (bid + ask) / 2,
    iv: contract.iv,
    greeks,
    openInterest: contract.openInterest,
    volume: contract.volume,
    asOf,
    source: SOURCE,
  };
}
