import type { ExitConfig } from './exit.config';

/** The bias fields the exit intelligence compares (a slice of the unified bias state, captured at entry and now). */
export interface ExitBias {
  direction: 'bullish' | 'bearish' | 'neutral';
  /** -100..100. */
  biasScore: number;
  /** 0..100. */
  confidence: number;
  regime: string | null;
  /** 0..100 (100 = no trend); null when unknown. */
  chopScore: number | null;
}

export type ExitDirection = 'long' | 'short';

/** One open option position as the exit monitor sees it. Plain numbers only: the hot path allocates nothing. */
export interface ExitPosition {
  positionId: string;
  symbol: string;
  optionType: 'call' | 'put';
  /** long = bought the option, short = sold it. */
  direction: ExitDirection;
  /** Contracts still open (> 0). */
  quantity: number;
  /** Premium per share at entry (> 0). */
  entryPrice: number;
  /** Current option mark; null when no quote is available. */
  currentPrice: number | null;
  /** Best mark seen since entry (highest for long, lowest for short); null when none recorded yet. */
  highWaterPrice: number | null;
  entryTimeMs: number;
  /** Instant of the close of the last trading day, precomputed by the caller. */
  expiryCloseMs: number;
  entryBias?: ExitBias | null;
  /** Codes of the partial exits already executed on this position; a partial rule fires at most once. */
  takenPartials?: readonly string[];
  /** True once a TIGHTEN_STOP decision has been applied: the trailing stop then runs at `tightenedTrailingStopPct`. */
  stopTightened?: boolean;
}

export interface ExitMarket {
  bias: ExitBias | null;
  underlyingPrice: number | null;
}

export type ExitAction = 'HOLD' | 'FULL_EXIT' | 'PARTIAL_EXIT' | 'TIGHTEN_STOP';

/** 0 = a plain exit rule (spec `exit_rules`) or the exit intelligence; 1-4 = the decision engine's tiers. */
export type ExitTier = 0 | 1 | 2 | 3 | 4;

export interface ExitDecision {
  action: ExitAction;
  /** Contracts to close; 0 for HOLD and TIGHTEN_STOP. */
  quantity: number;
  code: string;
  reasons: string[];
  tier: ExitTier;
  /** P&L of the position in % of the entry premium (sign-adjusted for short); null without a usable mark. */
  pnlPercent: number | null;
}

/** What every exit rule returns (STYLE.md rule 2), plus the action it asks for when it fires. */
export interface ExitRuleResult {
  pass: boolean;
  code: string;
  detail: string;
  /** HOLD when passing. */
  action: ExitAction;
  /** Share of the position to close for PARTIAL_EXIT, in (0, 1); 1 for FULL_EXIT, 0 otherwise. */
  fraction: number;
}

/**
 * One exit rule. Arguments are positional (no context object) so evaluation allocates only when a rule fires; a
 * passing rule returns the shared frozen `EXIT_PASS`.
 */
export interface ExitRule {
  /** Stable name; equal to the code it emits when it fires. */
  name: string;
  tier: ExitTier;
  /** True when the rule needs no option mark (time rules): evaluated even when `currentPrice` is null. */
  priceFree: boolean;
  evaluate(position: ExitPosition, config: ExitConfig, nowMs: number): ExitRuleResult;
}

export const EXIT_PASS: ExitRuleResult = Object.freeze({
  pass: true,
  code: 'ok',
  detail: '',
  action: 'HOLD',
  fraction: 0,
});

export const fullExit = (code: string, detail: string): ExitRuleResult => ({
  pass: false,
  code,
  detail,
  action: 'FULL_EXIT',
  fraction: 1,
});

export const partialExit = (code: string, detail: string, fraction: number): ExitRuleResult => ({
  pass: false,
  code,
  detail,
  action: 'PARTIAL_EXIT',
  fraction,
});

export const tightenStop = (code: string, detail: string): ExitRuleResult => ({
  pass: false,
  code,
  detail,
  action: 'TIGHTEN_STOP',
  fraction: 0,
});

/** A rule's result with the rule's name and tier, as the runner reports it. */
export interface ExitRuleVerdict extends ExitRuleResult {
  rule: string;
  tier: ExitTier;
}
