export { aggregateMinutes, MAX_CANDLES, sessionBars, simCandles, TIMEFRAME_MINUTES } from './candles';
export { chainExpirations, listStrikes, optionTick, quoteAround, strikeIncrements, surfaceIv } from './options';
export { ANCHOR_DATE, priceAt, regimeOn, sessionPath } from './price-path';
export type { Regime, RegimeName, SessionPath, SimPrice } from './price-path';
export {
  SIMULATED_SOURCE,
  simCandleSeries,
  simOptionChain,
  simOptionQuote,
  simStockQuote,
  stockQuoteAt,
} from './simulator';
export type { SimulatorConfig } from './simulator';
export { normalizeSimSymbol, symbolProfile, underlyingOfRoot } from './symbols';
export type { OptionTickClass, SymbolProfile } from './symbols';
