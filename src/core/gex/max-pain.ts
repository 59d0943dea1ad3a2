import type { OptionType } from '../market/market.types';

export interface MaxPainContract {
  type: OptionType;
  strike: number;
  openInterest: number;
}

/**
 * Max pain: the settlement price, among the listed strikes, that minimizes the total intrinsic value option holders
 * would collect, sum over contracts of OI x max(0, P - K) for calls and OI x max(0, K - P) for puts. Ties go to the
 * lower strike. Null when no contract has open interest.
 */
export function maxPainStrike(contracts: readonly MaxPainContract[]): number | null {
  const strikes = [...new Set(contracts.filter((c) => c.openInterest > 0).map((c) => c.strike))].sort((a, b) => a - b);
  if (strikes.length === 0) {
    return null;
  }
  let best: number | null = null;
  let bestPain = Number.POSITIVE_INFINITY;
  for (const price of strikes) {
    const pain = totalPayout(contracts, price);
    if (pain < bestPain) {
      bestPain = pain;
      best = price;
    }
  }
  return best;
}

/** Total intrinsic value (in contract units, before the x100 multiplier) paid to holders at settlement `price`. */
export function totalPayout(contracts: readonly MaxPainContract[], price: number): number {
  let pain = 0;
  for (const c of contracts) {
    if (c.openInterest <= 0) {
      continue;
    }
    const intrinsic = c.type === 'call' ? price - c.strike : c.strike - price;
    if (intrinsic > 0) {
      pain += c.openInterest * intrinsic;
    }
  }
  return pain;
}
