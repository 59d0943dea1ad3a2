import { addDays, CalendarOptions, FRIDAY, nyDate, onOrAfterWeekday } from '../calendar';
import { weeklyExpiration } from './weekly-expiration';

/**
 * The spec's expiration rule (section 7): the next Friday on or after today + MAX_HOLD_DAYS, today being the New York
 * date of `now`. A closed Friday moves back to the trading day before it; if that would be before today, the next
 * week's expiration is taken. Returns 'YYYY-MM-DD'.
 */
export function expirationForHold(now: Date, maxHoldDays: number, options: CalendarOptions = {}): string {
  if (!Number.isInteger(maxHoldDays) || maxHoldDays < 0) {
    throw new RangeError(`maxHoldDays must be a non-negative integer, got ${maxHoldDays}`);
  }
  const today = nyDate(now);
  let friday = onOrAfterWeekday(addDays(today, maxHoldDays), FRIDAY);
  for (;;) {
    const expiration = weeklyExpiration(friday, options);
    if (expiration !== null && expiration >= today) {
      return expiration;
    }
    friday = addDays(friday, 7);
  }
}
