export type { DecimalInput } from './decimal';
export { toDecimal } from './decimal';
export { computeFill, InvalidFillConfigError, roundToTick } from './fill-model';
export type {
  FillConfig,
  FillDenial,
  FillDenialCode,
  FillInput,
  FillMode,
  FillQuote,
  FillResult,
  FillSide,
  FillSuccess,
} from './fill-model';
export {
  averageEntry,
  CONTRACT_MULTIPLIER,
  costBasis,
  InvalidCloseQuantityError,
  partialClose,
  pnlPercent,
  pnlR,
  realizedPnl,
  unrealizedPnl,
} from './pnl';
export type { PartialClosePosition, PartialCloseResult, TradeCosts } from './pnl';
export { CASH_SETTLED_UNDERLYINGS, intrinsicValue, settlementPrice, settlementStyleFor } from './settlement';
export type { OptionRight, Settlement, SettlementInput, SettlementStyle } from './settlement';
export {
  NON_PENNY_INDEX_UNDERLYINGS,
  normalizeUnderlying,
  PENNY_ALL_PRICES_UNDERLYINGS,
  PENNY_PROGRAM_UNDERLYINGS,
  TICK_BREAKPOINT,
  tickClassFor,
  tickSizeFor,
} from './tick-size';
export type { TickClass } from './tick-size';
