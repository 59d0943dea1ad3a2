import type { OptionChain, OptionQuote, OptionType } from '../market/market.types';

export type StrikeMode = 'delta' | 'atm';
export type TradeDirection = 'long' | 'short';

/** The spec's "DTE band" column: `standard` aims at the spec's expiration, `shorter` at the nearest eligible one. */
export type DteBias = 'standard' | 'shorter';

/** One row of the spec's confidence table (section 7, "MTF Bias Strike Hints"). */
export interface DeltaTier {
  name: string;
  /** Lowest confidence (0-100, inclusive) this row applies to; rows are matched highest first. */
  minConfidence: number;
  deltaMin: number;
  deltaMax: number;
  dte: DteBias;
}

export interface DteBand {
  /** Inclusive, in days to expiration. Never below `minDteExit + 1`, whatever is configured. */
  min: number;
  /** Inclusive, in days to expiration. */
  max: number;
}

export interface ScoreWeights {
  delta: number;
  spread: number;
  liquidity: number;
  dte: number;
}

export interface StrikeSelectionConfig {
  mode: StrikeMode;
  /** MAX_HOLD_DAYS: the spec's expiration is the next Friday on or after today + this. */
  maxHoldDays: number;
  /** The exit rule's min_dte_exit: an expiration must have DTE strictly above it. */
  minDteExit: number;
  /** Expirations accepted in delta mode; derived from the spec's expiration when absent (docs/strike-selection.md). */
  dteBand?: DteBand;
  /** Highest accepted (ask - bid) / mid, in percent. */
  maxSpreadPct: number;
  /** Lowest accepted open interest when the chain reports it. */
  minOpenInterest: number;
  /** Lowest accepted day volume when the chain reports it. */
  minVolume: number;
  /** The confidence table; matched by `minConfidence`, highest first. */
  deltaTargets: DeltaTier[];
  /** How far |delta| may sit outside the target band and still be a candidate. */
  deltaTolerance: number;
  /** Confidence used when the signal carries none. */
  defaultConfidence: number;
  /** Annual rate for deltas computed from IV when the chain has no greeks. */
  riskFreeRate: number;
  /** Strike spacing used by the ATM rule when no chain tells us the listed strikes. */
  strikeIncrement: number;
  /** Per-underlying spacing overriding `strikeIncrement` (SPX lists 5-point strikes). */
  strikeIncrements: Record<string, number>;
  weights: ScoreWeights;
  /** Open interest and volume that earn the full liquidity score (log scaled below them). */
  liquidityReference: { openInterest: number; volume: number };
}

export interface StrikeSelectionInput {
  symbol: string;
  direction: TradeDirection;
  /** 0-100; null when the signal carries none (then `defaultConfidence`). */
  confidence: number | null;
  spot: number;
  chain: OptionChain | null;
}

export interface DeltaInput {
  type: OptionType;
  spot: number;
  strike: number;
  /** Time to expiration in years. */
  years: number;
  /** Annualized implied volatility as a fraction. */
  iv: number;
  rate: number;
}

/** Collaborators, injected so the selector stays pure and testable; defaults in strike.deps.ts. */
export interface StrikeSelectorDeps {
  formatOccSymbol(args: { underlying: string; expiration: string; type: OptionType; strike: number }): string;
  expirationForHold(now: Date, maxHoldDays: number): string;
  daysToExpiration(now: Date, expiration: string): number;
  /** Black-Scholes delta; null when it cannot be computed. */
  computeDelta(args: DeltaInput): number | null;
}

export interface StrikeSelection {
  symbol: string;
  strike: number;
  /** YYYY-MM-DD. */
  expiration: string;
  type: OptionType;
  /** OCC symbol, e.g. SPY260220C00596000. */
  optionSymbol: string;
  quote: OptionQuote | null;
  /** Signed (negative for puts); null when unknown. */
  delta: number | null;
  dte: number;
  mode: StrikeMode;
  /** The confidence row used for the delta target; null in ATM mode. */
  deltaTarget: { tier: string; min: number; max: number } | null;
  /** Contracts that passed every filter (0 in ATM mode). */
  candidates: number;
  reasons: string[];
  /** Score of the chosen contract (0-100, higher is better); absent in ATM mode. */
  score?: number;
}

export type StrikeFailureCode = 'no_expiration_in_band' | 'invalid_input';

export type StrikeSelectionResult =
  { ok: true; selection: StrikeSelection } | { ok: false; reasonCode: StrikeFailureCode; reasons: string[] };
