import { CalendarOptions, optionsSessionClose, tradingDayOnOrBefore } from '../calendar';

/**
 * The instant options on `underlying` expiring on `expiration` stop trading: the options-session close of that day.
 * An expiration dated on a closed day (stored before a closure was announced) last trades the trading day before.
 */
export function expirationCloseInstant(underlying: string, expiration: string, options: CalendarOptions = {}): Date {
  const lastDay = tradingDayOnOrBefore(expiration, options);
  // lastDay trades, so it has an options session.
  return optionsSessionClose(underlying, lastDay, options) as Date;
}
