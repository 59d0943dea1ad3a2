import { Logger } from '@nestjs/common';
import type { Clock } from '../core/clock';
import type {
  Candle,
  CandleTimeframe,
  ChainQuery,
  MarketDataFailure,
  MarketDataResult,
  OptionChain,
  OptionQuote,
  StockQuote,
} from '../core/market/market.types';
import { BreakerOptions, BreakerState, CircuitBreaker } from './circuit-breaker';
import { MarketDataCache } from './market-data.cache';
import { MarketDataKeys } from './market-data.keys';
import type { MarketDataProvider, MarketDataProviderName } from './market-data.provider';
import { reviveCandles, reviveOptionChain, reviveOptionQuote, reviveStockQuote } from './market-data.serialization';

export interface ProviderHealth {
  provider: MarketDataProviderName;
  state: BreakerState;
  /** Consecutive failures (reset by any answer). */
  failures: number;
  lastError: string | null;
  lastSuccessAt: Date | null;
}

export interface MarketDataChainOptions {
  /** Budget of one provider call; past it the call counts as a failure and the next provider is asked. */
  timeoutMs: number;
  breaker: BreakerOptions;
  cacheTtlMs: { quote: number; chain: number; candles: Readonly<Record<CandleTimeframe, number>> };
}

type Failure = Extract<MarketDataResult<never>, { ok: false }>;

class ProviderTimeoutError extends Error {}

/**
 * In-process sources: their market_data_unavailable means "nothing pushed for this symbol", not an outage, so they
 * never trip a breaker (they still time out and fail over like any provider).
 */
const LOCAL_PROVIDERS: ReadonlySet<MarketDataProviderName> = new Set(['webhook', 'simulated']);

/**
 * The provider chain the platform uses (MARKET_DATA): providers in priority order, a timeout per call, failover to
 * the next provider, a circuit breaker per provider, and a Redis cache of the chain's answers. A configured real
 * provider that fails never falls back to simulated prices: simulated is in the chain only when nothing else is
 * configured (config.marketData.chain). When every provider fails the answer is `market_data_unavailable` with
 * each provider's reason in the detail, or the one reason all providers gave (e.g. `market_data_stale`).
 */
export class MarketDataService implements MarketDataProvider {
  private readonly logger = new Logger(MarketDataService.name);
  private readonly breakers: Map<MarketDataProvider, CircuitBreaker>;

  constructor(
    private readonly providers: readonly MarketDataProvider[],
    private readonly cache: MarketDataCache | null,
    private readonly keys: MarketDataKeys,
    private readonly clock: Clock,
    private readonly options: MarketDataChainOptions,
  ) {
    if (providers.length === 0) {
      throw new Error('the market data chain needs at least one provider');
    }
    this.breakers = new Map(providers.map((provider) => [provider, new CircuitBreaker(options.breaker)]));
  }

  /** The primary provider's name (answers carry their own `source`). */
  get name(): MarketDataProviderName {
    return this.providers[0].name;
  }

  /** The providers in chain order. */
  get chain(): MarketDataProviderName[] {
    return this.providers.map((provider) => provider.name);
  }

  stockQuote(symbol: string): Promise<MarketDataResult<StockQuote>> {
    const normalized = normalizeSymbol(symbol);
    return this.cached(this.keys.cachedQuote(normalized), this.options.cacheTtlMs.quote, reviveStockQuote, () =>
      this.failover('stockQuote', (provider) => provider.stockQuote(normalized)),
    );
  }

  optionQuote(optionSymbol: string): Promise<MarketDataResult<OptionQuote>> {
    const normalized = normalizeSymbol(optionSymbol);
    return this.cached(this.keys.cachedOptionQuote(normalized), this.options.cacheTtlMs.quote, reviveOptionQuote, () =>
      this.failover('optionQuote', (provider) => provider.optionQuote(normalized)),
    );
  }

  optionChain(underlying: string, query?: ChainQuery): Promise<MarketDataResult<OptionChain>> {
    const normalized = normalizeSymbol(underlying);
    return this.cached(this.keys.cachedChain(normalized, query), this.options.cacheTtlMs.chain, reviveOptionChain, () =>
      this.failover('optionChain', (provider) => provider.optionChain(normalized, query)),
    );
  }

  candles(symbol: string, timeframe: CandleTimeframe, limit: number): Promise<MarketDataResult<Candle[]>> {
    const normalized = normalizeSymbol(symbol);
    return this.cached(
      this.keys.cachedCandles(normalized, timeframe, limit),
      this.options.cacheTtlMs.candles[timeframe],
      reviveCandles,
      () => this.failover('candles', (provider) => provider.candles(normalized, timeframe, limit)),
    );
  }

  /** One row per provider, in chain order. */
  health(): ProviderHealth[] {
    const nowMs = this.clock.now().getTime();
    return this.providers.map((provider) => {
      const snapshot = (this.breakers.get(provider) as CircuitBreaker).snapshot(nowMs);
      return {
        provider: provider.name,
        state: snapshot.state,
        failures: snapshot.failures,
        lastError: snapshot.lastError,
        lastSuccessAt: snapshot.lastSuccessAt,
      };
    });
  }

  private async cached<T>(
    key: string,
    ttlMs: number,
    revive: (value: unknown) => T | null,
    load: () => Promise<MarketDataResult<T>>,
  ): Promise<MarketDataResult<T>> {
    if (this.cache) {
      const hit = await this.cache.get(key, ttlMs, revive);
      if (hit !== null) {
        return { ok: true, value: hit };
      }
    }
    const result = await load();
    if (result.ok && this.cache) {
      await this.cache.set(key, result.value, ttlMs);
    }
    return result;
  }

  private async failover<T>(
    method: string,
    call: (provider: MarketDataProvider) => Promise<MarketDataResult<T>>,
  ): Promise<MarketDataResult<T>> {
    const reasons: string[] = [];
    const codes = new Set<MarketDataFailure>();
    for (const provider of this.providers) {
      const breaker = this.breakers.get(provider) as CircuitBreaker;
      const remote = !LOCAL_PROVIDERS.has(provider.name);
      if (remote && !breaker.tryAcquire(this.clock.now().getTime())) {
        reasons.push(`${provider.name}: circuit open`);
        codes.add('market_data_unavailable');
        continue;
      }
      let result: MarketDataResult<T>;
      try {
        result = await this.withTimeout(call(provider), provider.name);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (remote) {
          this.recordFailure(breaker, provider.name, method, message);
        }
        reasons.push(`${provider.name}: ${message}`);
        codes.add('market_data_unavailable');
        continue;
      }
      if (result.ok) {
        breaker.recordSuccess(this.clock.now());
        return result;
      }
      if (result.reasonCode === 'market_data_unavailable' && remote) {
        this.recordFailure(breaker, provider.name, method, result.detail);
      } else {
        breaker.recordAnswer();
      }
      reasons.push(`${provider.name}: ${result.reasonCode} (${result.detail})`);
      codes.add(result.reasonCode);
    }
    const failure: Failure = {
      ok: false,
      reasonCode: codes.size === 1 ? [...codes][0] : 'market_data_unavailable',
      detail: reasons.join('; '),
    };
    if (this.providers.length === 1) {
      failure.provider = this.providers[0].name;
    }
    return failure;
  }

  private recordFailure(breaker: CircuitBreaker, provider: string, method: string, message: string): void {
    const before = breaker.snapshot(this.clock.now().getTime()).state;
    breaker.recordFailure(this.clock.now().getTime(), message);
    const after = breaker.snapshot(this.clock.now().getTime());
    if (after.state === 'open' && before !== 'open') {
      this.logger.warn(
        `market data provider ${provider} circuit OPEN after ${after.failures} failure(s) (${method}: ${message})`,
      );
    }
  }

  private async withTimeout<T>(promise: Promise<T>, provider: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new ProviderTimeoutError(`timed out after ${this.options.timeoutMs} ms`)),
        this.options.timeoutMs,
      );
    });
    try {
      return await Promise.race([promise, timeout]);
    } catch (error) {
      if (error instanceof ProviderTimeoutError) {
        this.logger.warn(`market data provider ${provider} ${error.message}`);
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }
}

function normalizeSymbol(symbol: string): string {
  return symbol.trim().toUpperCase();
}
