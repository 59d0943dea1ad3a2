/**
 * The liquidity and greeks filters of the delta selector, one small rule each. A contract is counted under the
 * FIRST rule it fails, in `REJECTION_ORDER`, so the counts in the reasons add up to the contracts rejected.
 */

export type ContractRejection =
  'out_of_band' | 'no_quote' | 'wide_spread' | 'low_oi' | 'low_volume' | 'no_delta' | 'delta_far';

export const REJECTION_ORDER: readonly ContractRejection[] = [
  'out_of_band',
  'no_quote',
  'wide_spread',
  'low_oi',
  'low_volume',
  'no_delta',
  'delta_far',
];

/** DTE strictly above the exit rule's min_dte_exit and inside the band (inclusive). */
export function dteEligible(dte: number, minDteExit: number, band: { min: number; max: number }): boolean {
  return dte > minDteExit && dte >= band.min && dte <= band.max;
}

/**
 * (ask - bid) / mid in percent, or null when the contract has no usable two-sided quote: a missing side, a zero
 * bid (nobody to sell to), or a crossed market.
 */
export function spreadPct(bid: number | null, ask: number | null): number | null {
  if (bid === null || ask === null || !(bid > 0) || !(ask >= bid) || !Number.isFinite(ask)) {
    return null;
  }
  const mid = (bid + ask) / 2;
  return ((ask - bid) / mid) * 100;
}

/**
 * A reported count below the minimum fails; an unreported one (null) passes, scoring no liquidity credit:
 * some feeds (Alpaca snapshots) carry no open interest, and the spread filter still guards those contracts.
 */
export function meetsMinimum(value: number | null, minimum: number): boolean {
  return value === null || value >= minimum;
}

/** Distance of |delta| from the band: 0 inside it. */
export function deltaBandDistance(absDelta: number, min: number, max: number): number {
  if (absDelta < min) {
    return min - absDelta;
  }
  return absDelta > max ? absDelta - max : 0;
}
