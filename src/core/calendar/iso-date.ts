/**
 * Calendar dates as 'YYYY-MM-DD' strings (a day in New York, no time, no zone). Arithmetic runs on UTC midnights,
 * where every day has 24 hours, so adding days never drifts across a DST switch.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export const SUNDAY = 0;
export const MONDAY = 1;
export const THURSDAY = 4;
export const FRIDAY = 5;
export const SATURDAY = 6;

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** Throws RangeError on anything but a real calendar date in 'YYYY-MM-DD' form. */
export function parseIsoDate(date: string): DateParts {
  const match = ISO_DATE.exec(date);
  if (!match) {
    throw new RangeError(`expected a date as YYYY-MM-DD, got '${date}'`);
  }
  const parts = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (formatIsoDate(parts.year, parts.month, parts.day) !== date) {
    throw new RangeError(`'${date}' is not a calendar date`);
  }
  return parts;
}

export function formatIsoDate(year: number, month: number, day: number): string {
  const utc = new Date(Date.UTC(year, month - 1, day));
  return utc.toISOString().slice(0, 10);
}

function toUtcMs(date: string): number {
  const { year, month, day } = parseIsoDate(date);
  return Date.UTC(year, month - 1, day);
}

export function addDays(date: string, days: number): string {
  return new Date(toUtcMs(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

export function weekdayOf(date: string): Weekday {
  return new Date(toUtcMs(date)).getUTCDay() as Weekday;
}

export function isWeekend(date: string): boolean {
  const weekday = weekdayOf(date);
  return weekday === SATURDAY || weekday === SUNDAY;
}

/** The `nth` (1-based) `weekday` of a month, e.g. the 3rd Monday of January. */
export function nthWeekdayOfMonth(year: number, month: number, weekday: Weekday, nth: number): string {
  const first = formatIsoDate(year, month, 1);
  const offset = (weekday - weekdayOf(first) + 7) % 7;
  return addDays(first, offset + (nth - 1) * 7);
}

export function lastWeekdayOfMonth(year: number, month: number, weekday: Weekday): string {
  const last = formatIsoDate(year, month + 1, 0);
  const offset = (weekdayOf(last) - weekday + 7) % 7;
  return addDays(last, -offset);
}

/** The first date on or after `date` that falls on `weekday`. */
export function onOrAfterWeekday(date: string, weekday: Weekday): string {
  return addDays(date, (weekday - weekdayOf(date) + 7) % 7);
}

export function isIsoDate(value: string): boolean {
  try {
    parseIsoDate(value);
    return true;
  } catch {
    return false;
  }
}
