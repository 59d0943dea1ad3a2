import { addDays, CalendarOptions, daysBetween, nyDate, tradingDates } from '../calendar';

/** Calendar days from the New York date of `now` to `expiration`: 0 on the day, negative once past. */
export function daysToExpiration(now: Date, expiration: string): number {
  return daysBetween(nyDate(now), expiration);
}

/**
 * Trading days after today up to and including `expiration`: 0 on the expiration day, 1 the trading day before.
 * Negative (trading days since) once past.
 */
export function tradingDaysToExpiration(now: Date, expiration: string, options: CalendarOptions = {}): number {
  const today = nyDate(now);
  if (expiration >= today) {
    return tradingDates(addDays(today, 1), expiration, options).length;
  }
  return -tradingDates(addDays(expiration, 1), today, options).length;
}
