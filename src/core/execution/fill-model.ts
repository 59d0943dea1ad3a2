import Decimal from 'decimal.js';

import { tickSizeFor } from './tick-size';

/**
 * The paper fill model: one pure function from (order, quote, config, now) to a fill price or a denial with its
 * reason. No clock, no I/O. Prices are per share (multiply by 100 for a contract), returned as 4-dp decimal strings;
 * commission and fees are order totals, 2-dp decimal strings. See docs/fill-model.md.
 */

export type FillSide = 'buy' | 'sell';
export type FillMode = 'mid' | 'cross';

export interface FillQuote {
  bid: number | null;
  ask: number | null;
  mid: number | null;
  last: number | null;
  asOf: Date;
}

export interface FillInput {
  side: FillSide;
  /** Contracts: a positive integer. */
  quantity: number;
  /** The option's underlying root (SPY, SPXW, ...): selects the tick size. */
  underlying: string;
  quote: FillQuote | null;
}

export interface FillConfig {
  /** `mid`: fill at the mid (the spec's behaviour). `cross`: buy at the ask, sell at the bid. */
  mode: FillMode;
  /** Adverse slippage in basis points of the reference price (mid or touch), applied before tick rounding. */
  slippageBps: number;
  commissionPerContract: number;
  feesPerContract: number;
  /** A quote older than this (now − asOf) is refused. */
  maxQuoteAgeMs: number;
}

export type FillDenialCode = 'quote_missing' | 'quote_stale' | 'quote_crossed' | 'no_bid' | 'invalid_quantity';

export interface FillSuccess {
  ok: true;
  /** Fill price per share, on the option's tick, 4 dp. */
  price: string;
  /** The mid the fill is measured against, 4 dp. */
  mid: string;
  /** Per share, adverse positive: buy price − mid, sell mid − price. 4 dp. */
  slippage: string;
  /** commissionPerContract × quantity, 2 dp. */
  commission: string;
  /** feesPerContract × quantity, 2 dp. */
  fees: string;
  /** The tick the price was rounded to, 4 dp. */
  tick: string;
}

export interface FillDenial {
  ok: false;
  code: FillDenialCode;
  detail: string;
}

export type FillResult = FillSuccess | FillDenial;

const BPS = new Decimal(10_000);
const PRICE_DP = 4;
const MONEY_DP = 2;

/** Thrown for a configuration no deployment should run with (validated at boot, so this is a programming error). */
export class InvalidFillConfigError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidFillConfigError';
  }
}

export function computeFill(input: FillInput, config: FillConfig, now: Date): FillResult {
  assertConfig(config);

  if (!Number.isSafeInteger(input.quantity) || input.quantity <= 0) {
    return deny('invalid_quantity', `quantity must be a positive whole number of contracts, got ${input.quantity}`);
  }
  const { quote } = input;
  if (quote === null) {
    return deny('quote_missing', 'no quote for the contract');
  }

  const asOfMs = quote.asOf.getTime();
  if (Number.isNaN(asOfMs)) {
    return deny('quote_stale', 'quote has an invalid timestamp');
  }
  const ageMs = now.getTime() - asOfMs;
  if (ageMs > config.maxQuoteAgeMs) {
    return deny('quote_stale', `quote is ${ageMs} ms old (max ${config.maxQuoteAgeMs} ms)`);
  }

  const bid = usable(quote.bid);
  const ask = usable(quote.ask);
  if (bid !== null && ask !== null && bid.gt(ask)) {
    return deny('quote_crossed', `bid ${bid.toFixed()} is above ask ${ask.toFixed()}`);
  }
  const mid = bid !== null && ask !== null ? bid.plus(ask).div(2) : usable(quote.mid);

  const reference = referencePrice(input.side, config.mode, bid, ask, mid);
  if (!reference.ok) {
    return reference;
  }

  const { side } = input;
  const slip = reference.price.mul(config.slippageBps).div(BPS);
  const raw = side === 'buy' ? reference.price.plus(slip) : reference.price.minus(slip);
  const tick = new Decimal(tickSizeFor(input.underlying, raw.toNumber()));
  const price =
    side === 'buy' ? Decimal.max(roundToTick(raw, tick, 'up'), tick) : Decimal.max(roundToTick(raw, tick, 'down'), 0);

  // In cross mode with one side of the market missing, the quote's own mid may be absent: measure against the touch.
  const measuredMid = mid ?? reference.price;
  const slippage = side === 'buy' ? price.minus(measuredMid) : measuredMid.minus(price);

  return {
    ok: true,
    price: price.toFixed(PRICE_DP),
    mid: measuredMid.toFixed(PRICE_DP, Decimal.ROUND_HALF_UP),
    slippage: slippage.toFixed(PRICE_DP, Decimal.ROUND_HALF_UP),
    commission: new Decimal(config.commissionPerContract).mul(input.quantity).toFixed(MONEY_DP, Decimal.ROUND_HALF_UP),
    fees: new Decimal(config.feesPerContract).mul(input.quantity).toFixed(MONEY_DP, Decimal.ROUND_HALF_UP),
    tick: tick.toFixed(PRICE_DP),
  };
}

/** Rounds `price` to a multiple of `tick`, up (against a buyer) or down (against a seller). */
export function roundToTick(price: Decimal.Value, tick: Decimal.Value, direction: 'up' | 'down'): Decimal {
  const step = new Decimal(tick);
  const units = new Decimal(price).div(step);
  return (direction === 'up' ? units.ceil() : units.floor()).mul(step);
}

type Reference = { ok: true; price: Decimal } | FillDenial;

function referencePrice(
  side: FillSide,
  mode: FillMode,
  bid: Decimal | null,
  ask: Decimal | null,
  mid: Decimal | null,
): Reference {
  switch (mode) {
    case 'mid':
      // Never fill on `last` alone: a stale print is not a market.
      return mid === null ? deny('quote_missing', 'no bid/ask pair and no mid in the quote') : { ok: true, price: mid };
    case 'cross':
      if (side === 'buy') {
        return ask === null || ask.isZero() ? deny('quote_missing', 'no ask to buy at') : { ok: true, price: ask };
      }
      return bid === null || bid.isZero()
        ? deny('no_bid', 'no bid to sell into: the contract is worthless at this quote')
        : { ok: true, price: bid };
  }
}

/** A finite, non-negative price, or null: NaN, ±Infinity and negative prices from a feed count as absent. */
function usable(value: number | null): Decimal | null {
  return value !== null && Number.isFinite(value) && value >= 0 ? new Decimal(value) : null;
}

function deny(code: FillDenialCode, detail: string): FillDenial {
  return { ok: false, code, detail };
}

function assertConfig(config: FillConfig): void {
  const nonNegative: Array<[string, number]> = [
    ['slippageBps', config.slippageBps],
    ['commissionPerContract', config.commissionPerContract],
    ['feesPerContract', config.feesPerContract],
    ['maxQuoteAgeMs', config.maxQuoteAgeMs],
  ];
  for (const [name, value] of nonNegative) {
    if (!Number.isFinite(value) || value < 0) {
      throw new InvalidFillConfigError(`${name} must be a finite number >= 0, got ${value}`);
    }
  }
}
