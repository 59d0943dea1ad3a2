import type { MarketCalendar } from '../core/calendar';

/**
 * The instant an option stops trading: the options session close of its last trading day (the expiration date, or
 * the trading day before it when the exchange is closed that day). 16:00 ET, 16:15 for the late-closing index and
 * ETF options, 13:00 (13:15) on early-close days: the calendar knows.
 */
export function expiryCloseOf(calendar: MarketCalendar, underlying: string, expiration: string): Date {
  const lastDay = calendar.isTradingDay(expiration) ? expiration : calendar.previousTradingDay(expiration);
  const close = calendar.optionsSessionClose(underlying, lastDay);
  if (!close) {
    throw new Error(`no options session on ${lastDay} for ${underlying}`);
  }
  return close;
}
