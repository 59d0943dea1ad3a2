export * from './calendar.types';
export { easterSunday } from './easter';
export { addDays, daysBetween, FRIDAY, isIsoDate, onOrAfterWeekday, parseIsoDate, weekdayOf } from './iso-date';
export type { Weekday } from './iso-date';
export { DEFAULT_MARKET_CLOSE_GRACE_MINUTES, evaluateMarketSession } from './market-session.gate';
export type {
  MarketSessionEvaluation,
  MarketSessionPolicy,
  MarketSessionReason,
  SessionType,
} from './market-session.gate';
export { createMarketCalendar } from './market-calendar';
export type { MarketCalendar } from './market-calendar';
export { NEW_YORK, nyDate, nyInstant } from './new-york-time';
export { NYSE_EARLY_CLOSE_EXCEPTIONS, NYSE_ONE_OFF_CLOSURES } from './one-off-closures';
export {
  hasLateOptionsClose,
  isOptionsSessionOpen,
  LATE_CLOSE_OPTION_UNDERLYINGS,
  normalizeUnderlying,
  optionsSessionClose,
} from './options-session';
export { marketSessionAt, nextClose, nextOpen, tradingDay, tradingDays } from './sessions';
export {
  earlyCloseName,
  holidayName,
  isTradingDay,
  nextTradingDay,
  previousTradingDay,
  tradingDates,
  tradingDayOnOrBefore,
} from './trading-days';
