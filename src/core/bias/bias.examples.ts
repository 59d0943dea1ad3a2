/**
 * Example payloads (docs/mtf-bias.md, Swagger, tests). `V3_TRACE_EXAMPLE` reproduces the bias of the spec's SPY trace
 * (section 17): bias score 72, RISK_ON, TRENDING, BREAKOUT, acceleration 0.15 after `V3_TRACE_PREVIOUS`, and a long
 * risk multiplier of 0.8.
 */

function timeframes(strengths: Record<string, number>, bias = 'BULLISH'): Record<string, unknown>[] {
  return Object.entries(strengths).map(([tf, strength]) => ({
    tf,
    bias,
    strength,
    structure: 'HH_HL',
    momentum: 'IMPULSE_UP',
    volatility: 'NORMAL',
  }));
}

export const V3_TRACE_EXAMPLE: Record<string, unknown> = {
  event_type: 'BIAS_SNAPSHOT',
  event_ts_ms: Date.parse('2026-02-17T15:25:00Z'),
  event_id_raw: 'SPY-5-1771341900000',
  symbol: 'SPY',
  exchange: 'AMEX',
  session: 'RTH',
  source: 'MTF_BIAS_ENGINE_V3',
  chart_tf: '5',
  bar: { time_ms: Date.parse('2026-02-17T15:25:00Z'), open: 595.1, high: 595.6, low: 594.9, close: 595.42, volume: 1 },
  mtf: {
    timeframes: timeframes({ '5': 64, '15': 68, '60': 72, '240': 74, D: 74 }),
    consensus: {
      bias_consensus: 'BULLISH',
      bias_score: 72,
      confidence_score: 0.65,
      alignment_score: 90,
      conflict_score: 10,
    },
    regime: { type: 'TREND', chop_score: 22, adx_15m: 28, atr_state_15m: 'NORMAL' },
  },
  macro: {
    state: {
      macro_class: 'MACRO_TREND_UP',
      macro_confidence: 0.7,
      macro_support_1: 588,
      macro_resistance_1: 602,
      macro_measured_move_target: 610,
    },
  },
  levels: { vwap: { enabled: true, value: 594.8, position: 'ABOVE', dist_atr: 0.4 } },
  trigger: { bar_type: '2_UP', pattern: 'NA', triggered: true },
  liquidity: {
    sweep_high: false,
    sweep_low: false,
    reclaim: false,
    equal_high_cluster: false,
    equal_low_cluster: false,
  },
  space: { room_to_resistance: 'MEDIUM', room_to_support: 'HIGH' },
  intent: { type: 'BREAKOUT', confidence: 0.7, regime_transition: false, trend_phase: 'MID' },
  risk_context: { invalidation: { level: 593.9, method: 'M15_PIVOT_LOW' }, entry_mode_hint: 'BREAKOUT' },
};

/** The snapshot 15 minutes before the trace example: every timeframe at 57, so the acceleration is (72-57)/100. */
export const V3_TRACE_PREVIOUS: Record<string, unknown> = {
  ...V3_TRACE_EXAMPLE,
  event_ts_ms: Date.parse('2026-02-17T15:10:00Z'),
  event_id_raw: 'SPY-5-1771341000000',
  mtf: {
    timeframes: timeframes({ '5': 57, '15': 57, '60': 57, '240': 57, D: 57 }),
    consensus: {
      bias_consensus: 'BULLISH',
      bias_score: 57,
      confidence_score: 0.6,
      alignment_score: 85,
      conflict_score: 15,
    },
    regime: { type: 'TREND', chop_score: 25 },
  },
};

/** A legacy (V1) snapshot in its nested shape. */
export const LEGACY_V1_EXAMPLE: Record<string, unknown> = {
  event_type: 'BIAS_SNAPSHOT',
  event_ts_ms: Date.parse('2026-02-17T15:20:00Z'),
  event_id_raw: 'QQQ-15-1771341600000',
  symbol: 'QQQ',
  chart_tf: '15',
  mtf: {
    timeframes: [
      { tf: '15', bias: 'BEARISH', strength: 70 },
      { tf: '60', bias: 'BEARISH', strength: 65 },
      { tf: '240', bias: 'NEUTRAL', strength: 40 },
    ],
    consensus: {
      bias_consensus: 'BEARISH',
      bias_score: -55,
      confidence_score: 0.72,
      alignment_score: 70,
      conflict_score: 30,
    },
    regime: { type: 'TREND', chop_score: 35 },
  },
  levels: { vwap: { value: 512.3, position: 'BELOW' }, orb: { high: 515, low: 511, state: 'BELOW' } },
  risk_context: { invalidation: { level: 514.2 }, entry_mode_hint: 'PULLBACK' },
};

/** A flat legacy snapshot: a map of timeframes. No event id: its content hash is the id. */
export const LEGACY_FLAT_EXAMPLE: Record<string, unknown> = {
  event_type: 'BIAS_SNAPSHOT',
  symbol: 'IWM',
  timestamp: '2026-02-17T15:28:00Z',
  timeframes: { '5m': 'bullish', '1h': { bias: 'bullish', strength: 60 }, '1d': { bias: 'bearish', strength: 30 } },
  regime: 'range',
  macro_class: 'NEUTRAL',
  mode_hint: 'MEAN_REVERSION',
};
