import Decimal from 'decimal.js';

import type { DecimalInput } from './decimal';
import { toDecimal as dec } from './decimal';

/**
 * Option P&L in decimal arithmetic (spec section 9). Inputs are numbers or decimal strings (PostgreSQL NUMERIC
 * columns arrive as strings); outputs are decimal strings: money 2 dp, prices 4 dp, rounded half away from zero
 * (what PostgreSQL's NUMERIC rounding does). Quantities are contracts; one contract is 100 shares.
 */

export const CONTRACT_MULTIPLIER = 100;

export interface TradeCosts {
  /** Commission for the fill (order total, not per contract). */
  commission?: DecimalInput;
  /** Regulatory and exchange fees for the fill (order total). */
  fees?: DecimalInput;
}

export interface PartialClosePosition {
  /** Open contracts before this close. */
  quantity: number;
  entryPrice: DecimalInput;
  /** Realized P&L booked by earlier partial closes, or null when none. */
  realizedPnl: string | null;
}

export interface PartialCloseResult {
  remainingQuantity: number;
  /** Realized P&L of this fill, net of its costs, 2 dp. */
  realizedThisFill: string;
  /** Earlier realized P&L plus this fill's, 2 dp. */
  realizedTotal: string;
  /** True when no contracts remain. */
  closed: boolean;
}

/** A close quantity outside 1..open quantity, or not a whole number of contracts. */
export class InvalidCloseQuantityError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidCloseQuantityError';
  }
}

const MONEY_DP = 2;
const PRICE_DP = 4;
const HALF_UP = Decimal.ROUND_HALF_UP;

/** (mark − entry) × quantity × 100, 2 dp. */
export function unrealizedPnl(entryPrice: DecimalInput, markPrice: DecimalInput, quantity: DecimalInput): string {
  return grossPnl(entryPrice, markPrice, quantity).toFixed(MONEY_DP, HALF_UP);
}

/** (exit − entry) × quantity × 100 − commission − fees, 2 dp. */
export function realizedPnl(
  entryPrice: DecimalInput,
  exitPrice: DecimalInput,
  quantity: DecimalInput,
  costs: TradeCosts = {},
): string {
  return netPnl(entryPrice, exitPrice, quantity, costs).toFixed(MONEY_DP, HALF_UP);
}

/** (price − entry) / entry × 100, 2 dp: the per-contract return on premium, costs excluded. */
export function pnlPercent(entryPrice: DecimalInput, price: DecimalInput): string {
  const entry = positive(entryPrice, 'entryPrice');
  return dec(price, 'price').minus(entry).div(entry).mul(100).toFixed(MONEY_DP, HALF_UP);
}

/** entry × quantity × 100, 2 dp: the premium paid. */
export function costBasis(entryPrice: DecimalInput, quantity: DecimalInput): string {
  return dec(entryPrice, 'entryPrice')
    .mul(dec(quantity, 'quantity'))
    .mul(CONTRACT_MULTIPLIER)
    .toFixed(MONEY_DP, HALF_UP);
}

/**
 * The spec's `pnl_r = realized_pnl / (costBasis × 0.01)`, 2 dp. Note this is realized P&L as a percentage of the
 * premium paid (one "R" is 1 % of cost basis), so it equals pnlPercent when there are no costs.
 */
export function pnlR(realized: DecimalInput, basis: DecimalInput): string {
  const onePercent = positive(basis, 'costBasis').mul('0.01');
  return dec(realized, 'realized').div(onePercent).toFixed(MONEY_DP, HALF_UP);
}

/** Quantity-weighted average entry after adding to a position, 4 dp. */
export function averageEntry(
  oldQuantity: DecimalInput,
  oldPrice: DecimalInput,
  addQuantity: DecimalInput,
  addPrice: DecimalInput,
): string {
  const oldQty = dec(oldQuantity, 'oldQuantity');
  const addQty = dec(addQuantity, 'addQuantity');
  if (oldQty.isNegative() || addQty.isNegative()) {
    throw new RangeError(`quantities must be >= 0, got ${oldQty.toFixed()} and ${addQty.toFixed()}`);
  }
  const total = oldQty.plus(addQty);
  if (total.isZero()) {
    throw new RangeError('averageEntry of an empty position');
  }
  return oldQty
    .mul(dec(oldPrice, 'oldPrice'))
    .plus(addQty.mul(dec(addPrice, 'addPrice')))
    .div(total)
    .toFixed(PRICE_DP, HALF_UP);
}

/** Closes `closeQuantity` contracts of `position` at `exitPrice`, booking this fill's realized P&L net of its costs. */
export function partialClose(
  position: PartialClosePosition,
  closeQuantity: number,
  exitPrice: DecimalInput,
  costs: TradeCosts = {},
): PartialCloseResult {
  if (!Number.isSafeInteger(position.quantity) || position.quantity <= 0) {
    throw new InvalidCloseQuantityError(`position has no open contracts (quantity ${position.quantity})`);
  }
  if (!Number.isSafeInteger(closeQuantity) || closeQuantity <= 0) {
    throw new InvalidCloseQuantityError(`close quantity must be a positive whole number, got ${closeQuantity}`);
  }
  if (closeQuantity > position.quantity) {
    throw new InvalidCloseQuantityError(`cannot close ${closeQuantity} of ${position.quantity} open contracts`);
  }
  const thisFill = netPnl(position.entryPrice, exitPrice, closeQuantity, costs);
  const earlier = position.realizedPnl === null ? new Decimal(0) : dec(position.realizedPnl, 'realizedPnl');
  const remainingQuantity = position.quantity - closeQuantity;
  return {
    remainingQuantity,
    realizedThisFill: thisFill.toFixed(MONEY_DP, HALF_UP),
    realizedTotal: earlier.plus(thisFill.toDecimalPlaces(MONEY_DP, HALF_UP)).toFixed(MONEY_DP, HALF_UP),
    closed: remainingQuantity === 0,
  };
}

function grossPnl(entryPrice: DecimalInput, exitPrice: DecimalInput, quantity: DecimalInput): Decimal {
  return dec(exitPrice, 'exitPrice')
    .minus(dec(entryPrice, 'entryPrice'))
    .mul(dec(quantity, 'quantity'))
    .mul(CONTRACT_MULTIPLIER);
}

function netPnl(entryPrice: DecimalInput, exitPrice: DecimalInput, quantity: DecimalInput, costs: TradeCosts): Decimal {
  return grossPnl(entryPrice, exitPrice, quantity)
    .minus(dec(costs.commission ?? 0, 'commission'))
    .minus(dec(costs.fees ?? 0, 'fees'));
}

function positive(value: DecimalInput, name: string): Decimal {
  const parsed = dec(value, name);
  if (parsed.lte(0)) {
    throw new RangeError(`${name} must be > 0, got ${parsed.toFixed()}`);
  }
  return parsed;
}
