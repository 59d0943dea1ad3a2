import type { StalenessAction } from './bias.types';

/**
 * Every threshold of the bias system in one object (docs/mtf-bias.md explains each). The defaults are the documented
 * behaviour; the Nest side may override any of them.
 */
export interface BiasConfig {
  /** Weight per canonical timeframe; a timeframe not listed takes the weight of the longest listed one not longer. */
  timeframeWeights: Readonly<Record<string, number>>;
  /** |biasScore| at or above this gives a direction; below it the state is neutral. */
  directionThreshold: number;
  /** A timeframe reading older than this (vs the newest event) no longer counts. */
  timeframeRetentionMinutes: number;
  /** Without a regime in the payload: TRENDING when |biasScore| reaches this (and chop is below chopHighThreshold). */
  trendScoreThreshold: number;

  staleness: {
    /** Younger than this: fresh. */
    agingAfterMinutes: number;
    /** Older than this: stale. Between the two: aging. */
    staleAfterMinutes: number;
    agingAction: StalenessAction;
    staleAction: StalenessAction;
    /** Multiplier applied when the action is 'reduce'. */
    reduceMultiplier: number;
  };

  gating: {
    /** Chop at or above this suppresses trading. */
    chopSuppressThreshold: number;
    /** RISK_OFF with a bullish state (or RISK_ON with a bearish one) suppresses trading. */
    suppressOnMacroConflict: boolean;
    /** A NO_TRADE mode hint suppresses trading. */
    suppressOnNoTradeHint: boolean;
  };

  risk: {
    /** Aligned and strong needs both |biasScore| >= strongScore and confidence >= strongConfidence. */
    strongScore: number;
    strongConfidence: number;
    alignedStrong: number;
    alignedModerate: number;
    neutral: number;
    opposing: number;
    /** Trading against a state at least this strong is blocked (multiplier 0). */
    opposingBlockScore: number;
    /** Boosts, only for aligned-strong: macro on the trade's side, trending regime. */
    macroAlignedBoost: number;
    trendAlignedBoost: number;
    /** Penalties, any tier. */
    macroConflictMultiplier: number;
    /** Chop at or above chopHighThreshold. */
    chopHighThreshold: number;
    chopMultiplier: number;
    volatileMultiplier: number;
    /** stateStrengthDelta at or below this (bias weakening fast). */
    weakeningThreshold: number;
    weakeningMultiplier: number;
    /** Bounds for a trade that is not blocked. */
    floor: number;
    cap: number;
  };

  /** How many recent event ids the state keeps for idempotency. */
  recentEventIds: number;
}

/** Higher timeframes weigh more: a daily reading counts four times a 5-minute one. */
export const DEFAULT_TIMEFRAME_WEIGHTS: Readonly<Record<string, number>> = {
  '1m': 0.5,
  '3m': 0.75,
  '5m': 1,
  '10m': 1.25,
  '15m': 1.5,
  '30m': 2,
  '1h': 2.5,
  '2h': 2.75,
  '4h': 3,
  '1d': 4,
  '1w': 5,
};

export const DEFAULT_BIAS_CONFIG: BiasConfig = {
  timeframeWeights: DEFAULT_TIMEFRAME_WEIGHTS,
  directionThreshold: 15,
  timeframeRetentionMinutes: 24 * 60,
  trendScoreThreshold: 40,
  staleness: {
    agingAfterMinutes: 15,
    staleAfterMinutes: 60,
    agingAction: 'reduce',
    staleAction: 'block',
    reduceMultiplier: 0.5,
  },
  gating: {
    chopSuppressThreshold: 75,
    suppressOnMacroConflict: true,
    suppressOnNoTradeHint: true,
  },
  risk: {
    strongScore: 60,
    strongConfidence: 70,
    alignedStrong: 1,
    alignedModerate: 0.8,
    neutral: 0.6,
    opposing: 0.5,
    opposingBlockScore: 60,
    macroAlignedBoost: 1.15,
    trendAlignedBoost: 1.1,
    macroConflictMultiplier: 0.75,
    chopHighThreshold: 60,
    chopMultiplier: 0.75,
    volatileMultiplier: 0.85,
    weakeningThreshold: -0.2,
    weakeningMultiplier: 0.85,
    floor: 0.25,
    cap: 1.25,
  },
  recentEventIds: 100,
};
