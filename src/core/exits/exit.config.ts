/** Thresholds of the exit monitor; every default is documented in docs/exit-rules.md. Percentages are of the entry premium. */
export interface ExitConfig {
  // Plain exit rules (spec `exit_rules`); a value <= 0 turns the rule off (minDteExit: < 0).
  /** PROFIT_TARGET_PCT: exit when pnl% >= this. */
  profitTargetPct: number;
  /** STOP_LOSS_PCT: exit when pnl% <= -this. */
  stopLossPct: number;
  /** Exit when hours held >= this. */
  maxHoldHours: number;
  /** Exit when days to the expiry close <= this. */
  minDteExit: number;

  // Trailing stop (not in the spec).
  /** Exit when the mark falls this % below the high-water mark; 0 = off. */
  trailingStopPct: number;
  /** The trailing stop arms once the high-water mark is this % above the entry premium. */
  trailingActivationPct: number;
  /** Trailing distance once a TIGHTEN_STOP has been applied (armed at once, even when `trailingStopPct` is 0). */
  tightenedTrailingStopPct: number;

  /** ENABLE_EXIT_DECISION_ENGINE. */
  enableDecisionEngine: boolean;
  /** ENABLE_EXIT_INTELLIGENCE. */
  enableIntelligence: boolean;
  /** Share of the contracts a PARTIAL_EXIT closes. */
  partialExitFraction: number;

  // Tier 1: hard fails.
  /** A mark at or below this (per share) is a worthless option. */
  worthlessMark: number;
  /** pnl% <= -this is a total loss. */
  totalLossPct: number;

  // Tier 2: protection.
  /** pnl% <= -this: full exit (backstop beyond the plain stop). */
  deepLossPct: number;
  /** The near-expiry window, in hours before the expiry close. */
  nearExpiryHours: number;
  /** Within the window, pnl% < -this: full exit (0 = any loss). */
  nearExpiryLossPct: number;
  /** Within the window, pnl% >= this: partial exit. */
  nearExpiryGainPct: number;

  // Tier 3: profit taking.
  /** First target = this x profitTargetPct: partial exit. */
  firstTargetFraction: number;

  // Tier 4: degradation.
  /** The give-back rule looks only at positions whose peak pnl% reached this. */
  givebackMinPeakPct: number;
  /** TIGHTEN_STOP when the position has given back this % of its peak gain. */
  givebackPct: number;
  /** A position held this many hours ... */
  stagnantHours: number;
  /** ... with |pnl%| below this is going nowhere: partial exit. */
  stagnantBandPct: number;

  // Exit intelligence.
  /** Confidence points lost since entry that count as a collapse. */
  confidenceCollapsePoints: number;
  /** A bias flip forces a full exit only when the new bias has at least this confidence. */
  biasFlipMinConfidence: number;
  /** Chop score at or above which the tape is choppy (a spike when entry chop was below it). */
  chopSpikeThreshold: number;
  /** This many partial-grade signals at once (collapse, chop spike, regime change) force a full exit. */
  intelligenceEscalationCount: number;
}

export const DEFAULT_EXIT_CONFIG: Readonly<ExitConfig> = Object.freeze({
  profitTargetPct: 50,
  stopLossPct: 50,
  maxHoldHours: 120,
  minDteExit: 1,
  trailingStopPct: 0,
  trailingActivationPct: 20,
  tightenedTrailingStopPct: 15,
  enableDecisionEngine: true,
  enableIntelligence: true,
  partialExitFraction: 0.5,
  worthlessMark: 0.05,
  totalLossPct: 90,
  deepLossPct: 70,
  nearExpiryHours: 48,
  nearExpiryLossPct: 0,
  nearExpiryGainPct: 10,
  firstTargetFraction: 0.6,
  givebackMinPeakPct: 20,
  givebackPct: 40,
  stagnantHours: 72,
  stagnantBandPct: 10,
  confidenceCollapsePoints: 25,
  biasFlipMinConfidence: 50,
  chopSpikeThreshold: 70,
  intelligenceEscalationCount: 2,
});
