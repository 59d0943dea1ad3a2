import { easterSunday } from './easter';
import {
  addDays,
  formatIsoDate,
  lastWeekdayOfMonth,
  MONDAY,
  nthWeekdayOfMonth,
  SATURDAY,
  SUNDAY,
  THURSDAY,
  weekdayOf,
} from './iso-date';

/**
 * NYSE full-day holidays by rule (NYSE Rule 7.2). The rules hold from 1998 (the first NYSE Martin Luther King Day);
 * Juneteenth from 2022. Observance: a Sunday holiday closes the Monday after, a Saturday holiday the Friday before,
 * except New Year's Day: a Saturday January 1 is not observed, because the Friday before closes a year.
 */

const JUNETEENTH_FIRST_YEAR = 2022;
const MLK_DAY_FIRST_YEAR = 1998;

/** Saturday → Friday, Sunday → Monday. */
function observed(date: string): { date: string; shifted: boolean } {
  const weekday = weekdayOf(date);
  if (weekday === SATURDAY) {
    return { date: addDays(date, -1), shifted: true };
  }
  if (weekday === SUNDAY) {
    return { date: addDays(date, 1), shifted: true };
  }
  return { date, shifted: false };
}

function fixedDateHoliday(holidays: Map<string, string>, date: string, name: string): void {
  const day = observed(date);
  holidays.set(day.date, day.shifted ? `${name} (observed)` : name);
}

function computeYear(year: number): ReadonlyMap<string, string> {
  const holidays = new Map<string, string>();
  const newYear = formatIsoDate(year, 1, 1);
  if (weekdayOf(newYear) !== SATURDAY) {
    fixedDateHoliday(holidays, newYear, "New Year's Day");
  }
  if (year >= MLK_DAY_FIRST_YEAR) {
    holidays.set(nthWeekdayOfMonth(year, 1, MONDAY, 3), 'Martin Luther King, Jr. Day');
  }
  holidays.set(nthWeekdayOfMonth(year, 2, MONDAY, 3), "Washington's Birthday");
  holidays.set(addDays(easterSunday(year), -2), 'Good Friday');
  holidays.set(lastWeekdayOfMonth(year, 5, MONDAY), 'Memorial Day');
  if (year >= JUNETEENTH_FIRST_YEAR) {
    fixedDateHoliday(holidays, formatIsoDate(year, 6, 19), 'Juneteenth National Independence Day');
  }
  fixedDateHoliday(holidays, formatIsoDate(year, 7, 4), 'Independence Day');
  holidays.set(nthWeekdayOfMonth(year, 9, MONDAY, 1), 'Labor Day');
  holidays.set(thanksgiving(year), 'Thanksgiving Day');
  fixedDateHoliday(holidays, formatIsoDate(year, 12, 25), 'Christmas Day');
  return holidays;
}

const byYear = new Map<number, ReadonlyMap<string, string>>();

/** Date → holiday name for every rule holiday observed in `year` (all fall inside the year itself). */
export function nyseRuleHolidays(year: number): ReadonlyMap<string, string> {
  let holidays = byYear.get(year);
  if (!holidays) {
    holidays = computeYear(year);
    byYear.set(year, holidays);
  }
  return holidays;
}

export function thanksgiving(year: number): string {
  return nthWeekdayOfMonth(year, 11, THURSDAY, 4);
}
