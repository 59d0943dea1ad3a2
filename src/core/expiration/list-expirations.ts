import {
  addDays,
  CalendarOptions,
  FRIDAY,
  isTradingDay,
  nextTradingDay,
  onOrAfterWeekday,
  parseIsoDate,
  tradingDates,
} from '../calendar';
import { hasDailyExpirations } from './daily-expirations';
import { weeklyExpiration } from './weekly-expiration';

/**
 * Expirations of `underlying` from `fromDate` (inclusive): every trading day for the daily underlyings, one per week
 * otherwise (Friday, or the trading day before a closed Friday; the monthly third Friday is one of them). `limit` is
 * a count, or an inclusive 'YYYY-MM-DD' end date.
 */
export function listExpirations(
  underlying: string,
  fromDate: string,
  limit: number | string,
  options: CalendarOptions = {},
): string[] {
  parseIsoDate(fromDate);
  if (typeof limit === 'number' && (!Number.isInteger(limit) || limit < 0)) {
    throw new RangeError(`count must be a non-negative integer, got ${limit}`);
  }
  if (typeof limit === 'string') {
    parseIsoDate(limit);
  }
  return hasDailyExpirations(underlying)
    ? dailyExpirations(fromDate, limit, options)
    : weeklyExpirations(fromDate, limit, options);
}

/** Whether `date` is an expiration of `underlying` under the same rules. */
export function isExpirationDate(underlying: string, date: string, options: CalendarOptions = {}): boolean {
  if (!isTradingDay(date, options)) {
    return false;
  }
  return hasDailyExpirations(underlying) || weeklyExpiration(onOrAfterWeekday(date, FRIDAY), options) === date;
}

function dailyExpirations(fromDate: string, limit: number | string, options: CalendarOptions): string[] {
  if (typeof limit === 'string') {
    return tradingDates(fromDate, limit, options);
  }
  const dates: string[] = [];
  let date = isTradingDay(fromDate, options) ? fromDate : nextTradingDay(fromDate, options);
  while (dates.length < limit) {
    dates.push(date);
    date = nextTradingDay(date, options);
  }
  return dates;
}

function weeklyExpirations(fromDate: string, limit: number | string, options: CalendarOptions): string[] {
  const dates: string[] = [];
  const isDone = (friday: string): boolean =>
    typeof limit === 'number' ? dates.length >= limit : addDays(friday, -4) > limit;
  for (let friday = onOrAfterWeekday(fromDate, FRIDAY); !isDone(friday); friday = addDays(friday, 7)) {
    const expiration = weeklyExpiration(friday, options);
    const inRange = typeof limit === 'number' || (expiration !== null && expiration <= limit);
    if (expiration !== null && expiration >= fromDate && inRange) {
      dates.push(expiration);
    }
  }
  return dates;
}
