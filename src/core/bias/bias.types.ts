/**
 * The one multi-timeframe bias system (V3). Legacy BIAS_SNAPSHOT payloads are translated into the same events, so
 * engines, gates and the dashboard read a single `UnifiedBiasState` per symbol. See docs/mtf-bias.md.
 */

export type BiasDirection = 'bullish' | 'bearish' | 'neutral';

/** Market regime. The spec's trace stores `TRENDING`; `VOLATILE` is a range with expanding ranges. */
export const REGIMES = ['TRENDING', 'RANGING', 'VOLATILE'] as const;
export type Regime = (typeof REGIMES)[number];

/** Macro classification (spec: `entry_macro_class`, trace value `RISK_ON`). */
export const MACRO_CLASSES = ['RISK_ON', 'RISK_OFF', 'NEUTRAL'] as const;
export type MacroClass = (typeof MACRO_CLASSES)[number];

/** Entry mode hint / intent (spec: `entry_mode_hint`, "BREAKOUT, PULLBACK, etc."). NONE = no hint sent. */
export const MODE_HINTS = [
  'BREAKOUT',
  'PULLBACK',
  'MEAN_REVERT',
  'CONTINUATION',
  'REVERSAL',
  'NO_TRADE',
  'NONE',
] as const;
export type ModeHint = (typeof MODE_HINTS)[number];

export type BiasSource = 'v3' | 'legacy';

export type StalenessLevel = 'fresh' | 'aging' | 'stale';
export type StalenessAction = 'allow' | 'reduce' | 'block';

/** One timeframe's reading. `score` is signed: +strength when bullish, -strength when bearish, 0 when neutral. */
export interface TimeframeBias {
  /** Canonical timeframe ('5m', '15m', '1h', '4h', '1d', ...). */
  timeframe: string;
  bias: BiasDirection;
  /** -100..100. */
  score: number;
  /** 0..100. */
  confidence: number;
  /** ISO 8601: the time of the event that carried this reading. */
  updatedAt: string;
}

/** What the indicator itself reported as its consensus (kept for audit; the platform computes its own). */
export interface ReportedConsensus {
  biasScore: number | null;
  /** 0..100. */
  confidence: number | null;
  alignmentScore: number | null;
  conflictScore: number | null;
}

/** A validated, normalized bias event: the input of the aggregator's pure step. */
export interface BiasEvent {
  /** The sender's event id (`event_id_raw`), or a content hash for legacy snapshots that carry none. */
  eventId: string;
  symbol: string;
  source: BiasSource;
  /** BIAS_SNAPSHOT, BIAS_CHANGE, ORB_UPDATE, ... as sent (upper case). */
  eventType: string;
  /** When the indicator computed the bias (never later than receivedAt). ISO 8601. */
  eventTime: string;
  receivedAt: string;
  chartTimeframe: string | null;
  timeframes: TimeframeBias[];
  /** null when the payload did not say: the aggregator derives it. */
  regime: Regime | null;
  chopScore: number | null;
  macroClass: MacroClass | null;
  /** The indicator's own macro label when it has one (e.g. MACRO_TREND_UP). */
  macroDetail: string | null;
  modeHint: ModeHint | null;
  reported: ReportedConsensus | null;
  session: string | null;
}

export interface BiasAcceleration {
  /**
   * How much the bias strengthened in the direction it now points, per 100 score points: (biasScore - previous) / 100,
   * sign-adjusted so positive means "stronger in the current direction" (spec: entry_acceleration_state_strength_delta).
   */
  stateStrengthDelta: number;
  /** biasScore - previous biasScore, in points. */
  biasScoreDelta: number;
  confidenceDelta: number;
  /** Seconds between the previous state's update and this one; 0 for the first event. */
  elapsedSeconds: number;
  biasFlip: boolean;
  regimeChange: boolean;
  macroChange: boolean;
}

export interface Staleness {
  ageSeconds: number;
  stale: boolean;
  level: StalenessLevel;
}

/** The per-symbol state. PostgreSQL `bias_state_current.state` holds exactly this object. */
export interface UnifiedBiasState {
  schemaVersion: 1;
  symbol: string;
  /** Sorted by timeframe length, shortest first. */
  timeframes: TimeframeBias[];
  /** Weighted across timeframes (higher timeframes weigh more), -100..100, one decimal. */
  biasScore: number;
  direction: BiasDirection;
  /** 0..100. */
  confidence: number;
  regime: Regime;
  macroClass: MacroClass;
  macroDetail: string | null;
  modeHint: ModeHint;
  /** 0..100: how much the timeframes disagree (or the indicator's own chop score). */
  chopScore: number;
  acceleration: BiasAcceleration;
  reported: ReportedConsensus | null;
  /** Time of the last applied event (ISO 8601): staleness is measured from here. */
  updatedAt: string;
  receivedAt: string;
  /** As of the last update; readers recompute it with their clock (`withStaleness`). */
  staleness: Staleness;
  /** Source of the last applied event. */
  source: BiasSource;
  lastEventId: string;
  lastEventType: string;
  eventCount: number;
  /** The idempotency window: the latest event ids, newest first (bounded by config.recentEventIds). */
  recentEventIds: string[];
}

export interface BiasFieldError {
  field: string;
  message: string;
}

export type BiasReasonCode = 'invalid_bias_payload' | 'unsupported_bias_payload';

export type BiasParseResult =
  { ok: true; event: BiasEvent } | { ok: false; reasonCode: BiasReasonCode; errors: BiasFieldError[] };
