import { addDays, isWeekend, parseIsoDate } from './iso-date';
import { nyseRuleHolidays, thanksgiving } from './nyse-holidays';
import { NYSE_EARLY_CLOSE_EXCEPTIONS } from './one-off-closures';

/**
 * Scheduled 1:00 pm ET closes: the day after Thanksgiving, Christmas Eve and July 3, the last two only on weekdays
 * that are not the observed holiday themselves (a Friday July 3 or December 24 is the observed Saturday holiday).
 * NYSE lists no early close on the Friday before a Monday-observed July 4 or Christmas, and none comes out here: that
 * Friday is July 2 or December 23. Historical exceptions override the rule. The caller checks that the date trades.
 */
export function scheduledEarlyCloseName(date: string): string | null {
  const { year, month, day } = parseIsoDate(date);
  const exception = NYSE_EARLY_CLOSE_EXCEPTIONS.get(date);
  if (exception !== undefined) {
    return exception;
  }
  if (date === addDays(thanksgiving(year), 1)) {
    return 'Day after Thanksgiving';
  }
  const isCandidate = (month === 7 && day === 3) || (month === 12 && day === 24);
  if (!isCandidate || isWeekend(date) || nyseRuleHolidays(year).has(date)) {
    return null;
  }
  return month === 7 ? 'Independence Day eve' : 'Christmas Eve';
}
