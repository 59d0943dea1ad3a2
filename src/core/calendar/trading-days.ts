import { CalendarOptions } from './calendar.types';
import { addDays, isWeekend, parseIsoDate } from './iso-date';
import { scheduledEarlyCloseName } from './nyse-early-closes';
import { nyseRuleHolidays } from './nyse-holidays';
import { EXTRA_CLOSURE_NAME, NYSE_ONE_OFF_CLOSURES } from './one-off-closures';

/** Generous: a run of closed days this long means the configuration is wrong, not that the market is. */
export const MAX_CLOSED_RUN_DAYS = 370;

/**
 * Why the exchange is closed on a weekday: a rule holiday, a known one-off closure or a configured one. Null on
 * weekends (closed without a name) and on trading days.
 */
export function holidayName(date: string, options: CalendarOptions = {}): string | null {
  const { year } = parseIsoDate(date);
  if (isWeekend(date)) {
    return null;
  }
  return (
    nyseRuleHolidays(year).get(date) ??
    NYSE_ONE_OFF_CLOSURES.get(date) ??
    (options.extraClosures?.includes(date) ? EXTRA_CLOSURE_NAME : null)
  );
}

export function isTradingDay(date: string, options: CalendarOptions = {}): boolean {
  return !isWeekend(date) && holidayName(date, options) === null;
}

/** The reason a trading day closes at 13:00 ET; null on full days and on days that do not trade. */
export function earlyCloseName(date: string, options: CalendarOptions = {}): string | null {
  return isTradingDay(date, options) ? scheduledEarlyCloseName(date) : null;
}

/** The first trading day strictly after `date`. */
export function nextTradingDay(date: string, options: CalendarOptions = {}): string {
  return stepToTradingDay(date, 1, options);
}

/** The last trading day strictly before `date`. */
export function previousTradingDay(date: string, options: CalendarOptions = {}): string {
  return stepToTradingDay(date, -1, options);
}

/** `date` itself when it trades, else the trading day before it. */
export function tradingDayOnOrBefore(date: string, options: CalendarOptions = {}): string {
  return isTradingDay(date, options) ? date : previousTradingDay(date, options);
}

/** Trading dates from `start` to `end`, both inclusive, ascending. */
export function tradingDates(start: string, end: string, options: CalendarOptions = {}): string[] {
  const dates: string[] = [];
  parseIsoDate(end);
  for (let date = start; date <= end; date = addDays(date, 1)) {
    if (isTradingDay(date, options)) {
      dates.push(date);
    }
  }
  return dates;
}

function stepToTradingDay(date: string, step: 1 | -1, options: CalendarOptions): string {
  let candidate = date;
  for (let i = 0; i < MAX_CLOSED_RUN_DAYS; i++) {
    candidate = addDays(candidate, step);
    if (isTradingDay(candidate, options)) {
      return candidate;
    }
  }
  throw new RangeError(`no trading day within ${MAX_CLOSED_RUN_DAYS} days of ${date}`);
}
