import { CalendarOptions } from './calendar.types';
import { nyDate, nyInstant } from './new-york-time';
import { tradingDay } from './sessions';

/**
 * Index and broad-ETF options that trade 15 minutes past the equity close (16:15 ET, 13:15 ET on early-close days).
 * Single-stock options stop with the equity market.
 */
export const LATE_CLOSE_OPTION_UNDERLYINGS: ReadonlySet<string> = new Set([
  'SPY',
  'QQQ',
  'IWM',
  'SPX',
  'SPXW',
  'XSP',
  'NDX',
  'RUT',
]);

/** 'spx', '$SPX', '^SPX' → 'SPX'. */
export function normalizeUnderlying(underlying: string): string {
  return underlying.trim().toUpperCase().replace(/^[$^]/, '');
}

export function hasLateOptionsClose(underlying: string): boolean {
  return LATE_CLOSE_OPTION_UNDERLYINGS.has(normalizeUnderlying(underlying));
}

/** When options on `underlying` stop trading on `date`; null when the exchange is closed that day. */
export function optionsSessionClose(underlying: string, date: string, options: CalendarOptions = {}): Date | null {
  const day = tradingDay(date, options);
  if (!day) {
    return null;
  }
  if (!hasLateOptionsClose(underlying)) {
    return day.close;
  }
  return day.earlyClose ? nyInstant(date, 13, 15) : nyInstant(date, 16, 15);
}

/** Options fill only in the options session: 09:30 ET to `optionsSessionClose`. */
export function isOptionsSessionOpen(underlying: string, now: Date, options: CalendarOptions = {}): boolean {
  const date = nyDate(now);
  const day = tradingDay(date, options);
  const close = optionsSessionClose(underlying, date, options);
  if (!day || !close) {
    return false;
  }
  return now.getTime() >= day.open.getTime() && now.getTime() < close.getTime();
}
