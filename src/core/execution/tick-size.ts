/**
 * US listed options minimum price variation (the "tick"), by underlying and premium.
 *
 * - IWM, QQQ and SPY trade in $0.01 at every price (Penny Interval Program).
 * - Other Penny Interval Program classes: $0.01 below $3.00, $0.05 at or above $3.00.
 * - Everything else, including the index classes SPX, SPXW, NDX and RUT: $0.05 below $3.00, $0.10 at or above.
 *
 * The program's membership is reviewed yearly by the exchanges (the ~425 most active classes); the list below is a
 * curated subset of long-standing members. An unlisted name falls back to the wider non-penny ticks, which is the
 * conservative choice for a paper fill (rounding is adverse, so a wider tick never flatters the trader).
 * See docs/fill-model.md.
 */

/** Penny Interval Program classes quoted in $0.01 at all prices. */
export const PENNY_ALL_PRICES_UNDERLYINGS: ReadonlySet<string> = new Set(['SPY', 'QQQ', 'IWM']);

/** Penny Interval Program classes ($0.01 below $3, $0.05 at or above): a curated list of long-standing members. */
export const PENNY_PROGRAM_UNDERLYINGS: ReadonlySet<string> = new Set([
  // Mega-cap and high-volume single stocks
  'AAPL',
  'AMD',
  'AMZN',
  'BA',
  'BABA',
  'BAC',
  'C',
  'COIN',
  'CSCO',
  'DIS',
  'F',
  'GE',
  'GM',
  'GOOG',
  'GOOGL',
  'INTC',
  'JPM',
  'KO',
  'META',
  'MSFT',
  'MU',
  'NFLX',
  'NVDA',
  'PFE',
  'PLTR',
  'PYPL',
  'SBUX',
  'T',
  'TSLA',
  'UBER',
  'WFC',
  'WMT',
  'XOM',
  // Exchange-traded funds
  'DIA',
  'EEM',
  'EFA',
  'FXI',
  'GDX',
  'GLD',
  'HYG',
  'SLV',
  'SMH',
  'TLT',
  'USO',
  'XLE',
  'XLF',
]);

/** Cash-settled index classes: never penny ($0.05 below $3, $0.10 at or above). Listed so nobody adds them above. */
export const NON_PENNY_INDEX_UNDERLYINGS: ReadonlySet<string> = new Set(['SPX', 'SPXW', 'NDX', 'RUT']);

/** The premium at which the tick widens. */
export const TICK_BREAKPOINT = 3;

export type TickClass = 'penny_all_prices' | 'penny_program' | 'non_penny';

/** Normalizes a root or ticker: trims, upper-cases and drops a leading `$` or `^` (index notations such as `^SPX`). */
export function normalizeUnderlying(underlying: string): string {
  return underlying.trim().toUpperCase().replace(/^[$^]/, '');
}

export function tickClassFor(underlying: string): TickClass {
  const root = normalizeUnderlying(underlying);
  if (PENNY_ALL_PRICES_UNDERLYINGS.has(root)) {
    return 'penny_all_prices';
  }
  if (PENNY_PROGRAM_UNDERLYINGS.has(root)) {
    return 'penny_program';
  }
  return 'non_penny';
}

/** The minimum price variation for an option on `underlying` quoted at `price` (per share premium). */
export function tickSizeFor(underlying: string, price: number): number {
  const below = price < TICK_BREAKPOINT;
  const tickClass = tickClassFor(underlying);
  switch (tickClass) {
    case 'penny_all_prices':
      return 0.01;
    case 'penny_program':
      return below ? 0.01 : 0.05;
    case 'non_penny':
      return below ? 0.05 : 0.1;
  }
}
