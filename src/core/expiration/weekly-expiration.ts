import { addDays, CalendarOptions, isTradingDay, previousTradingDay } from '../calendar';

/**
 * The expiration of the week ending on `friday`: the Friday, or the last trading day before it when the Friday is
 * closed (Good Friday, an observed holiday → Thursday, and further back if that is closed too). Null when the whole
 * Monday-Friday week is closed.
 */
export function weeklyExpiration(friday: string, options: CalendarOptions = {}): string | null {
  if (isTradingDay(friday, options)) {
    return friday;
  }
  const expiration = previousTradingDay(friday, options);
  return expiration >= addDays(friday, -4) ? expiration : null;
}
