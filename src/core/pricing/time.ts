/** ACT/365: the year fraction of the pricing model and of theta per calendar day. */
export const MS_PER_YEAR = 365 * 24 * 3600 * 1000;

/**
 * Years from `now` to `expiryInstant` (ACT/365, to the millisecond), 0 once expired. The caller chooses the instant
 * (for US equity options, 16:00 New York on the expiration date). Throws a RangeError for an invalid Date.
 */
export function timeToExpiryYears(now: Date, expiryInstant: Date): number {
  const from = now.getTime();
  const to = expiryInstant.getTime();
  if (!Number.isFinite(from) || !Number.isFinite(to)) {
    throw new RangeError('timeToExpiryYears: invalid Date');
  }
  return Math.max(0, (to - from) / MS_PER_YEAR);
}
