import type {
  Candle,
  CandleTimeframe,
  ChainQuery,
  MarketDataResult,
  OptionChain,
  OptionQuote,
  StockQuote,
} from '../../core/market/market.types';
import type { MarketDataProvider, MarketDataProviderName } from '../market-data.provider';

/** Stands in for a configured provider the build has no adapter for: every call says so. */
export class UnavailableProvider implements MarketDataProvider {
  constructor(
    readonly name: MarketDataProviderName,
    private readonly reason: string,
  ) {}

  private fail<T>(): Promise<MarketDataResult<T>> {
    return Promise.resolve({
      ok: false,
      reasonCode: 'provider_not_configured',
      detail: this.reason,
      provider: this.name,
    });
  }

  stockQuote(_symbol: string): Promise<MarketDataResult<StockQuote>> {
    return this.fail();
  }

  optionQuote(_optionSymbol: string): Promise<MarketDataResult<OptionQuote>> {
    return this.fail();
  }

  optionChain(_underlying: string, _query?: ChainQuery): Promise<MarketDataResult<OptionChain>> {
    return this.fail();
  }

  candles(_symbol: string, _timeframe: CandleTimeframe, _limit: number): Promise<MarketDataResult<Candle[]>> {
    return this.fail();
  }
}
