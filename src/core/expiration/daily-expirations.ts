import { normalizeUnderlying } from '../calendar';

/** Underlyings listing an expiration every trading day (SPXW is SPX's PM-settled root); the rest list Fridays. */
export const DAILY_EXPIRATION_UNDERLYINGS: ReadonlySet<string> = new Set(['SPY', 'QQQ', 'IWM', 'SPX', 'SPXW']);

export function hasDailyExpirations(underlying: string): boolean {
  return DAILY_EXPIRATION_UNDERLYINGS.has(normalizeUnderlying(underlying));
}
