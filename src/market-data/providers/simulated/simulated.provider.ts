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
import {
  simCandleSeries,
  simOptionChain,
  simOptionQuote,
  simStockQuote,
  SimulatorConfig,
} from '../../../core/market-sim';
import type { MarketDataProvider, MarketDataProviderName } from '../../market-data.provider';

/**
 * The offline market (src/core/market-sim): deterministic in SIM_SEED and the clock. In the chain only when no
 * real provider is configured; the boot warning says so.
 */
export class SimulatedProvider implements MarketDataProvider {
  readonly name: MarketDataProviderName = 'simulated';

  constructor(
    private readonly clock: Clock,
    private readonly config: SimulatorConfig,
  ) {}

  async stockQuote(symbol: string): Promise<MarketDataResult<StockQuote>> {
    return simStockQuote(symbol, this.clock.now(), this.config);
  }

  async optionQuote(optionSymbol: string): Promise<MarketDataResult<OptionQuote>> {
    return simOptionQuote(optionSymbol, this.clock.now(), this.config);
  }

  async optionChain(underlying: string, query?: ChainQuery): Promise<MarketDataResult<OptionChain>> {
    return simOptionChain(underlying, this.clock.now(), this.config, query);
  }

  async candles(symbol: string, timeframe: CandleTimeframe, limit: number): Promise<MarketDataResult<Candle[]>> {
    return simCandleSeries(symbol, timeframe, limit, this.clock.now(), this.config);
  }
}
