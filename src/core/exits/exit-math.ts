import type { ExitDirection, ExitPosition } from './exit.types';

export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

const usable = (price: number | null | undefined): price is number =>
  price !== null && price !== undefined && Number.isFinite(price) && price >= 0;

/** P&L in % of the entry premium, sign-adjusted for short positions; null when either price is unusable. */
export function pnlPercent(entryPrice: number, mark: number | null, direction: ExitDirection): number | null {
  if (!usable(mark) || !(entryPrice > 0) || !Number.isFinite(entryPrice)) {
    return null;
  }
  const change = ((mark - entryPrice) / entryPrice) * 100;
  return direction === 'long' ? change : -change;
}

/** The position's P&L % at its current mark. */
export function pnlPercentOf(position: ExitPosition): number | null {
  return pnlPercent(position.entryPrice, position.currentPrice, position.direction);
}

/**
 * The best mark since entry, counting the current one (the caller may not have stored it yet): highest for long,
 * lowest for short; the entry premium when nothing better was seen. Null without a usable mark.
 */
export function effectiveHighWater(position: ExitPosition): number | null {
  const mark = position.currentPrice;
  if (!usable(mark)) {
    return null;
  }
  let best = usable(position.highWaterPrice) ? position.highWaterPrice : position.entryPrice;
  if (position.direction === 'long' ? mark > best : mark < best) {
    best = mark;
  }
  if (position.direction === 'long' ? position.entryPrice > best : position.entryPrice < best) {
    best = position.entryPrice;
  }
  return best;
}

/** The P&L % at the high-water mark (>= 0 by construction). */
export function peakPnlPercentOf(position: ExitPosition): number | null {
  return pnlPercent(position.entryPrice, effectiveHighWater(position), position.direction);
}

export function hoursHeld(position: ExitPosition, nowMs: number): number {
  return (nowMs - position.entryTimeMs) / MS_PER_HOUR;
}

/** Hours until the close of the last trading day; negative once past it. */
export function hoursToExpiry(position: ExitPosition, nowMs: number): number {
  return (position.expiryCloseMs - nowMs) / MS_PER_HOUR;
}

/** The spec's `(expirationDate - now) / 86400000`, measured to the expiry close. */
export function daysToExpiry(position: ExitPosition, nowMs: number): number {
  return (position.expiryCloseMs - nowMs) / MS_PER_DAY;
}

/** Contracts a partial exit closes: max(1, round(quantity x fraction)), capped at the quantity. */
export function partialQuantity(quantity: number, fraction: number): number {
  return Math.min(quantity, Math.max(1, Math.round(quantity * fraction)));
}

/** Which way the position makes money: long call / short put are bullish, long put / short call bearish. */
export function exposureOf(position: ExitPosition): 'bullish' | 'bearish' {
  return (position.optionType === 'call') === (position.direction === 'long') ? 'bullish' : 'bearish';
}

/** Whether a partial exit with this code was already executed on the position. */
export function hasTakenPartial(position: ExitPosition, code: string): boolean {
  const taken = position.takenPartials;
  if (!taken) {
    return false;
  }
  for (let i = 0; i < taken.length; i += 1) {
    if (taken[i] === code) {
      return true;
    }
  }
  return false;
}

/** Two decimals for details (only formatted when a rule fires). */
export const fmt = (value: number): string => value.toFixed(2);
