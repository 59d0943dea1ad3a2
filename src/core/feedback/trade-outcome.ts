import Decimal from 'decimal.js';

export type OutcomeDirection = 'long' | 'short';
export type OutcomeEngine = 'A' | 'B';
/** Where the fill happened: the executed book ('live', paper fills included) or the shadow book. */
export type OutcomeSource = 'live' | 'shadow';

/** Key used for a null regime, macro class or mode hint in every grouping. */
export const UNKNOWN_GROUP = 'UNKNOWN';

/** Options contract multiplier (spec section 10: P&L = price change x quantity x 100). */
export const CONTRACT_MULTIPLIER = 100;

/**
 * One closed position with the entry state it was opened in (spec section 11, `bias_trade_performance`).
 * Win = pnl > 0, loss = pnl < 0, scratch = pnl === 0 (docs/performance-feedback.md).
 */
export interface TradeOutcome {
  positionId: string;
  signalId: string | null;
  symbol: string;
  direction: OutcomeDirection;
  engine: OutcomeEngine;
  source: OutcomeSource;
  /** Realized P&L in dollars. */
  pnl: number;
  /** pnl / cost basis x 100. */
  pnlPercent: number;
  /** Spec section 10: pnl / (cost basis x 0.01), so numerically equal to pnlPercent for a bought option. */
  pnlR: number;
  durationMinutes: number;
  exitReasonCodes: string[];
  entryBiasScore: number | null;
  entryMacroClass: string | null;
  entryRegime: string | null;
  /** Entry mode hint (BREAKOUT, PULLBACK, ...). */
  entryIntent: string | null;
  /** State strength delta at entry. */
  entryAcceleration: number | null;
  closedAtMs: number;
  /** The signal's confidence (0-100) at entry; feeds the confidence-floor tuning. */
  entryConfidence?: number | null;
  /** Execution slippage in dollars for the trade (entry and exit), positive = worse than the reference price. */
  slippage?: number | null;
}

type NumericField = number | string | null | undefined;

/** The facts of a closed position, as read from `positions` / `shadow_positions` (NUMERIC columns as strings). */
export interface ClosedPositionFacts {
  positionId: string;
  signalId: string | null;
  symbol: string;
  direction: OutcomeDirection;
  engine: OutcomeEngine;
  source: OutcomeSource;
  /** Entry premium per share. */
  entryPrice: number | string;
  /** Contracts opened (not the remaining quantity after partial exits). */
  entryQuantity: number;
  /** Realized P&L in dollars over the whole position. */
  realizedPnl: number | string;
  entryAtMs: number;
  exitAtMs: number;
  /** `positions.exit_reason` (codes separated by commas, semicolons, pipes or spaces) or the codes themselves. */
  exitReason: string | readonly string[] | null;
  entryBiasScore?: NumericField;
  entryMacroClass?: string | null;
  entryRegime?: string | null;
  entryIntent?: string | null;
  entryAcceleration?: NumericField;
  entryConfidence?: NumericField;
  slippage?: NumericField;
  /** Defaults to CONTRACT_MULTIPLIER. */
  multiplier?: number;
}

/** Splits and de-duplicates exit reason codes, keeping their order; null or blank gives []. */
export function exitReasonCodesOf(exitReason: string | readonly string[] | null): string[] {
  if (exitReason === null) {
    return [];
  }
  const parts = typeof exitReason === 'string' ? exitReason.split(/[,;|\s]+/) : exitReason;
  const codes: string[] = [];
  for (const part of parts) {
    const code = part.trim();
    if (code !== '' && !codes.includes(code)) {
      codes.push(code);
    }
  }
  return codes;
}

/** Whole minutes between entry and exit, rounded to the nearest minute. */
export function durationMinutesBetween(entryAtMs: number, exitAtMs: number): number {
  if (!Number.isFinite(entryAtMs) || !Number.isFinite(exitAtMs)) {
    throw new RangeError('entry and exit instants must be finite');
  }
  if (exitAtMs < entryAtMs) {
    throw new RangeError(`exit ${exitAtMs} precedes entry ${entryAtMs}`);
  }
  return Math.round((exitAtMs - entryAtMs) / 60_000);
}

function optionalNumber(value: NumericField, field: string): number | null {
  if (value === null || value === undefined || value === '') {
    return null;
  }
  const parsed = Number(value);
  if (!Number.isFinite(parsed)) {
    throw new RangeError(`${field} is not a finite number: ${String(value)}`);
  }
  return parsed;
}

function decimalOf(value: number | string, field: string): Decimal {
  const parsed = new Decimal(value);
  if (!parsed.isFinite()) {
    throw new RangeError(`${field} is not a finite number: ${String(value)}`);
  }
  return parsed;
}

/**
 * Builds the outcome of a closed position (spec sections 10, 11 and 17 step 11):
 * cost basis = entryPrice x entryQuantity x multiplier; pnl = realizedPnl rounded to cents;
 * pnlPercent = pnl / cost basis x 100 and pnlR = pnl / (cost basis x 0.01), both to 4 decimals;
 * durationMinutes = round((exit - entry) / 60 000). Throws RangeError on a non-positive cost basis or exit before entry.
 */
export function buildTradeOutcome(facts: ClosedPositionFacts): TradeOutcome {
  const multiplier = facts.multiplier ?? CONTRACT_MULTIPLIER;
  const costBasis = decimalOf(facts.entryPrice, 'entryPrice').times(facts.entryQuantity).times(multiplier);
  if (!costBasis.isFinite() || costBasis.lte(0)) {
    throw new RangeError(`cost basis must be positive, got ${costBasis.toString()}`);
  }
  const pnl = decimalOf(facts.realizedPnl, 'realizedPnl').toDecimalPlaces(2);
  const outcome: TradeOutcome = {
    positionId: facts.positionId,
    signalId: facts.signalId,
    symbol: facts.symbol,
    direction: facts.direction,
    engine: facts.engine,
    source: facts.source,
    pnl: pnl.toNumber(),
    pnlPercent: pnl.div(costBasis).times(100).toDecimalPlaces(4).toNumber(),
    pnlR: pnl.div(costBasis.times('0.01')).toDecimalPlaces(4).toNumber(),
    durationMinutes: durationMinutesBetween(facts.entryAtMs, facts.exitAtMs),
    exitReasonCodes: exitReasonCodesOf(facts.exitReason),
    entryBiasScore: optionalNumber(facts.entryBiasScore, 'entryBiasScore'),
    entryMacroClass: facts.entryMacroClass ?? null,
    entryRegime: facts.entryRegime ?? null,
    entryIntent: facts.entryIntent ?? null,
    entryAcceleration: optionalNumber(facts.entryAcceleration, 'entryAcceleration'),
    closedAtMs: facts.exitAtMs,
  };
  const entryConfidence = optionalNumber(facts.entryConfidence, 'entryConfidence');
  if (entryConfidence !== null) {
    outcome.entryConfidence = entryConfidence;
  }
  const slippage = optionalNumber(facts.slippage, 'slippage');
  if (slippage !== null) {
    outcome.slippage = slippage;
  }
  return outcome;
}

/** Close order: closedAtMs ascending, then positionId, then source, so results never depend on input order. */
export function byCloseOrder(a: TradeOutcome, b: TradeOutcome): number {
  if (a.closedAtMs !== b.closedAtMs) {
    return a.closedAtMs - b.closedAtMs;
  }
  if (a.positionId !== b.positionId) {
    return a.positionId < b.positionId ? -1 : 1;
  }
  return a.source === b.source ? 0 : a.source < b.source ? -1 : 1;
}
