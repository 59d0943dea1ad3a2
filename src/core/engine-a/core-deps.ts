/**
 * What Engine A uses from the sibling core modules, in one place (the lint rule on `../../*` imports keeps nested
 * folders from reaching across src/core directly).
 */
export { DEFAULT_MARKET_CLOSE_GRACE_MINUTES, evaluateMarketSession, nyDate, nyInstant } from '../calendar';
export type { MarketSessionEvaluation } from '../calendar';
export type { BiasDirection } from '../bias';
export type { DealerPosition } from '../gex';
