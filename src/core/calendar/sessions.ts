import { CalendarOptions, MarketSession, TradingDaySession } from './calendar.types';
import { addDays } from './iso-date';
import { nyDate, nyInstant } from './new-york-time';
import { earlyCloseName, isTradingDay, MAX_CLOSED_RUN_DAYS, tradingDates } from './trading-days';

/** The equity sessions of a trading day in New York time; null when the exchange does not trade that day. */
export function tradingDay(date: string, options: CalendarOptions = {}): TradingDaySession | null {
  if (!isTradingDay(date, options)) {
    return null;
  }
  const early = earlyCloseName(date, options);
  const closeHour = early ? 13 : 16;
  return {
    date,
    premarketOpen: nyInstant(date, 4),
    open: nyInstant(date, 9, 30),
    close: nyInstant(date, closeHour),
    afterhoursClose: nyInstant(date, closeHour + 4),
    earlyClose: early !== null,
    earlyCloseName: early,
  };
}

/** Every trading day from `start` to `end`, both inclusive ('YYYY-MM-DD'), with its sessions. */
export function tradingDays(start: string, end: string, options: CalendarOptions = {}): TradingDaySession[] {
  return tradingDates(start, end, options).flatMap((date) => tradingDay(date, options) ?? []);
}

export function marketSessionAt(now: Date, options: CalendarOptions = {}): MarketSession {
  const day = tradingDay(nyDate(now), options);
  if (!day) {
    return 'closed';
  }
  const t = now.getTime();
  if (t < day.premarketOpen.getTime() || t >= day.afterhoursClose.getTime()) {
    return 'closed';
  }
  if (t < day.open.getTime()) {
    return 'premarket';
  }
  return t < day.close.getTime() ? 'regular' : 'afterhours';
}

/** The first regular-session open strictly after `now`. */
export function nextOpen(now: Date, options: CalendarOptions = {}): Date {
  return firstAfter(now, options, (day) => day.open);
}

/** The first regular-session close strictly after `now`: today's while the session is on, else the next day's. */
export function nextClose(now: Date, options: CalendarOptions = {}): Date {
  return firstAfter(now, options, (day) => day.close);
}

function firstAfter(now: Date, options: CalendarOptions, pick: (day: TradingDaySession) => Date): Date {
  let date = nyDate(now);
  for (let i = 0; i <= MAX_CLOSED_RUN_DAYS; i++, date = addDays(date, 1)) {
    const day = tradingDay(date, options);
    if (day && pick(day).getTime() > now.getTime()) {
      return pick(day);
    }
  }
  throw new RangeError(`no trading session within ${MAX_CLOSED_RUN_DAYS} days of ${now.toISOString()}`);
}
