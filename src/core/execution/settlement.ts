import Decimal from 'decimal.js';

import type { DecimalInput } from './decimal';
import { toDecimal } from './decimal';
import { normalizeUnderlying } from './tick-size';

/**
 * Expiry settlement of a paper option position. Both settlement styles are cashed out at intrinsic value against the
 * underlying's closing print on the last trading day:
 *
 * - physically settled equity/ETF options: a real ITM contract is exercised into 100 shares (OCC exercise by
 *   exception); the paper book does not hold shares, so it books the intrinsic value instead;
 * - cash-settled index options (SPX, SPXW, NDX, RUT, XSP): settle to intrinsic in cash. AM-settled monthlies (SPX,
 *   NDX, RUT third-Friday) really settle to the next morning's Special Opening Quotation; the close stands in for it.
 *
 * See docs/fill-model.md.
 */

export type OptionRight = 'call' | 'put';
export type SettlementStyle = 'cash' | 'physical';

/** Index option classes settled in cash. Everything else is treated as a physically settled equity/ETF option. */
export const CASH_SETTLED_UNDERLYINGS: ReadonlySet<string> = new Set([
  'SPX',
  'SPXW',
  'NDX',
  'NDXP',
  'RUT',
  'RUTW',
  'XSP',
]);

export interface SettlementInput {
  type: OptionRight;
  strike: DecimalInput;
  /** The option's underlying root: selects the settlement style. */
  underlying: string;
  /** The underlying's closing print on the last trading day. */
  underlyingClose: DecimalInput;
}

export interface Settlement {
  /** Per share, 4 dp: the exit price to book (via realizedPnl, with no commission). */
  price: string;
  style: SettlementStyle;
  /** True when the contract expires in the money (price > 0). */
  inTheMoney: boolean;
}

const PRICE_DP = 4;

/** max(0, S − K) for a call, max(0, K − S) for a put, per share, 4 dp. */
export function intrinsicValue(type: OptionRight, strike: DecimalInput, underlyingPrice: DecimalInput): string {
  return intrinsic(type, strike, underlyingPrice).toFixed(PRICE_DP, Decimal.ROUND_HALF_UP);
}

export function settlementStyleFor(underlying: string): SettlementStyle {
  return CASH_SETTLED_UNDERLYINGS.has(normalizeUnderlying(underlying)) ? 'cash' : 'physical';
}

/** The price at which an expiring paper position settles: intrinsic value at the last trading day's close. */
export function settlementPrice(input: SettlementInput): Settlement {
  const value = intrinsic(input.type, input.strike, input.underlyingClose);
  return {
    price: value.toFixed(PRICE_DP, Decimal.ROUND_HALF_UP),
    style: settlementStyleFor(input.underlying),
    inTheMoney: value.gt(0),
  };
}

function intrinsic(type: OptionRight, strike: DecimalInput, underlyingPrice: DecimalInput): Decimal {
  const k = toDecimal(strike, 'strike');
  const s = toDecimal(underlyingPrice, 'underlyingPrice');
  if (k.isNegative() || s.isNegative()) {
    throw new RangeError(`strike and underlying price must be >= 0, got ${k.toFixed()} and ${s.toFixed()}`);
  }
  return Decimal.max(type === 'call' ? s.minus(k) : k.minus(s), 0);
}
