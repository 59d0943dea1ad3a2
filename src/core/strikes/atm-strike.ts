import type { OptionType } from '../market/market.types';
import type { StrikeSelectionConfig } from './strike.types';

/** Floating-point slack so 5950.0000000001 / 5 still counts as exactly on a strike. */
const EPSILON = 1e-9;

/** Strike spacing for the ATM rule: the symbol's own (SPX: 5) or the default (1). */
export function strikeIncrementFor(
  symbol: string,
  config: Pick<StrikeSelectionConfig, 'strikeIncrement' | 'strikeIncrements'>,
): number {
  return config.strikeIncrements[symbol.toUpperCase()] ?? config.strikeIncrement;
}

/**
 * The spec's ATM rule (section 5): calls take Math.ceil(price), puts Math.floor(price), generalised to the
 * strike spacing: calls the first strike at or above spot, puts the first at or below. With spacing 1 this
 * is exactly the spec (595.42 -> 596 call, 595 put).
 */
export function atmStrike(spot: number, type: OptionType, increment: number): number {
  const steps = spot / increment;
  const rounded = type === 'call' ? Math.ceil(steps - EPSILON) : Math.floor(steps + EPSILON);
  return roundToCents(rounded * increment);
}

/**
 * The same rule on listed strikes: the smallest listed strike at or above spot for calls, the largest at or
 * below for puts; null when every listed strike is on the wrong side of spot.
 */
export function atmListedStrike(spot: number, type: OptionType, strikes: Iterable<number>): number | null {
  let best: number | null = null;
  for (const strike of strikes) {
    if (type === 'call') {
      if (strike >= spot - EPSILON && (best === null || strike < best)) {
        best = strike;
      }
    } else if (strike <= spot + EPSILON && (best === null || strike > best)) {
      best = strike;
    }
  }
  return best;
}

export function roundToCents(value: number): number {
  return Math.round(value * 100) / 100;
}
