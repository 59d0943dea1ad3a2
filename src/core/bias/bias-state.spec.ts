import {
  aggregateTimeframes,
  applyBiasEvent,
  DEFAULT_BIAS_CONFIG,
  effectiveGating,
  evaluateBiasGate,
  isDuplicateEvent,
  isOutOfOrderEvent,
  parseV3BiasEvent,
  riskMultiplierFromState,
  timeframeWeight,
  translateLegacySnapshot,
  withStaleness,
} from '.';
import { LEGACY_FLAT_EXAMPLE, V3_TRACE_EXAMPLE, V3_TRACE_PREVIOUS } from './bias.examples';
import type { BiasEvent, BiasParseResult, TimeframeBias, UnifiedBiasState } from './bias.types';

const CONFIG = DEFAULT_BIAS_CONFIG;
const NOW = new Date('2026-02-17T15:30:00Z');
const MINUTE = 60_000;

function ok(result: BiasParseResult): BiasEvent {
  if (!result.ok) {
    throw new Error(JSON.stringify(result.errors));
  }
  return result.event;
}

function traceState(): UnifiedBiasState {
  const previous = applyBiasEvent(
    null,
    ok(parseV3BiasEvent(V3_TRACE_PREVIOUS, new Date('2026-02-17T15:10:01Z'))),
    CONFIG,
  );
  return applyBiasEvent(previous, ok(parseV3BiasEvent(V3_TRACE_EXAMPLE, NOW)), CONFIG);
}

function tf(timeframe: string, score: number, confidence = 80): TimeframeBias {
  return {
    timeframe,
    bias: score > 0 ? 'bullish' : score < 0 ? 'bearish' : 'neutral',
    score,
    confidence,
    updatedAt: NOW.toISOString(),
  };
}

describe('the spec SPY trace (section 17)', () => {
  it('reproduces bias score 72, RISK_ON, TRENDING, BREAKOUT and acceleration 0.15', () => {
    const state = traceState();
    expect(state).toMatchObject({
      symbol: 'SPY',
      biasScore: 72,
      direction: 'bullish',
      confidence: 65,
      regime: 'TRENDING',
      macroClass: 'RISK_ON',
      macroDetail: 'MACRO_TREND_UP',
      modeHint: 'BREAKOUT',
      chopScore: 22,
      source: 'v3',
      eventCount: 2,
      updatedAt: '2026-02-17T15:25:00.000Z',
      staleness: { ageSeconds: 300, stale: false, level: 'fresh' },
      recentEventIds: ['SPY-5-1771341900000', 'SPY-5-1771341000000'],
    });
    expect(state.acceleration).toEqual({
      stateStrengthDelta: 0.15,
      biasScoreDelta: 15,
      confidenceDelta: 5,
      elapsedSeconds: 900,
      biasFlip: false,
      regimeChange: false,
      macroChange: false,
    });
  });

  it('gives the trace risk multiplier 0.8 for the long and is not suppressed', () => {
    const state = traceState();
    const long = riskMultiplierFromState(state, 'long', NOW, CONFIG);
    expect(long).toMatchObject({ multiplier: 0.8, blocked: false, tier: 'aligned_moderate' });
    // 10 contracts × 1.25 gamma = 12; floor(12 × 0.8) = 9, the trace's quantity.
    expect(Math.floor(12 * long.multiplier)).toBe(9);
    expect(effectiveGating(state, NOW, CONFIG)).toMatchObject({
      tradeSuppressed: false,
      reasons: [],
      staleness: { level: 'fresh', action: 'allow' },
      riskMultiplier: { long: 0.8, short: 0 },
    });
    expect(evaluateBiasGate(state, 'long', NOW, CONFIG, true)).toMatchObject({ pass: true, riskMultiplier: 0.8 });
    expect(evaluateBiasGate(state, 'short', NOW, CONFIG, true)).toMatchObject({
      pass: false,
      code: 'bias_opposes_trade',
    });
  });
});

describe('aggregateTimeframes', () => {
  it('weighs higher timeframes more', () => {
    expect(timeframeWeight('5m', CONFIG.timeframeWeights)).toBe(1);
    expect(timeframeWeight('1d', CONFIG.timeframeWeights)).toBe(4);
    // Not listed: the weight of the longest listed timeframe not longer (45m -> 30m).
    expect(timeframeWeight('45m', CONFIG.timeframeWeights)).toBe(2);
    expect(timeframeWeight('30s', CONFIG.timeframeWeights)).toBe(0.5);
    const result = aggregateTimeframes([tf('5m', 80), tf('1d', -80)], CONFIG);
    // (1 × 80 + 4 × -80) / 5 = -48
    expect(result.biasScore).toBe(-48);
    expect(result.agreement).toBe(0.6);
    expect(result.derivedChop).toBe(40);
  });

  it('is neutral with no readings or only neutral ones', () => {
    expect(aggregateTimeframes([], CONFIG)).toEqual({ biasScore: 0, confidence: 0, agreement: 0, derivedChop: 50 });
    expect(aggregateTimeframes([tf('5m', 0), tf('1h', 0)], CONFIG)).toMatchObject({ biasScore: 0, derivedChop: 50 });
  });
});

describe('applyBiasEvent', () => {
  it('keeps timeframes the event does not carry, and drops them after the retention', () => {
    const first = applyBiasEvent(null, ok(parseV3BiasEvent(V3_TRACE_EXAMPLE, NOW)), CONFIG);
    const legacyAt = (iso: string): BiasEvent =>
      ok(
        translateLegacySnapshot(
          {
            event_type: 'BIAS_SNAPSHOT',
            symbol: 'SPY',
            timeframe: '5m',
            bias: 'bearish',
            strength: 90,
            timestamp: iso,
          },
          new Date(iso),
        ),
      );
    const next = applyBiasEvent(first, legacyAt('2026-02-17T15:35:00Z'), CONFIG);
    expect(next.timeframes.map((t) => [t.timeframe, t.score])).toEqual([
      ['5m', -90],
      ['15m', 68],
      ['1h', 72],
      ['4h', 74],
      ['1d', 74],
    ]);
    expect(next.source).toBe('legacy');
    // Macro is slow: kept from the V3 event; the mode hint is per event.
    expect(next.macroClass).toBe('RISK_ON');
    expect(next.modeHint).toBe('NONE');
    const dayLater = applyBiasEvent(next, legacyAt('2026-02-18T15:36:00Z'), CONFIG);
    expect(dayLater.timeframes.map((t) => t.timeframe)).toEqual(['5m']);
    expect(dayLater.direction).toBe('bearish');
    expect(dayLater.acceleration.biasFlip).toBe(true);
  });

  it('derives regime and chop when the payload has none', () => {
    const state = applyBiasEvent(null, ok(translateLegacySnapshot(LEGACY_FLAT_EXAMPLE, NOW)), CONFIG);
    expect(state.regime).toBe('RANGING');
    // 5m +50 (w1), 1h +60 (w2.5), 1d -30 (w4): (50 + 150 - 120) / 7.5; chop 100 × (1 - 80 / 320)
    expect(state.biasScore).toBe(10.7);
    expect(state.direction).toBe('neutral');
    expect(state.chopScore).toBe(75);
  });

  it('knows duplicates and out-of-order events', () => {
    const state = traceState();
    expect(isDuplicateEvent(state, 'SPY-5-1771341000000')).toBe(true);
    expect(isDuplicateEvent(state, 'other')).toBe(false);
    expect(isDuplicateEvent(null, 'other')).toBe(false);
    const older = ok(parseV3BiasEvent({ ...V3_TRACE_PREVIOUS, event_id_raw: 'late' }, NOW));
    expect(isOutOfOrderEvent(state, older)).toBe(true);
  });

  it('refuses an event of another symbol', () => {
    const state = traceState();
    const qqq = ok(parseV3BiasEvent({ ...V3_TRACE_EXAMPLE, symbol: 'QQQ' }, NOW));
    expect(() => applyBiasEvent(state, qqq, CONFIG)).toThrow(/QQQ/);
  });
});

describe('staleness and gating', () => {
  it('ages: fresh under 15 min, aging to 60, stale beyond', () => {
    const state = traceState();
    const at = (minutes: number): Date => new Date(new Date(state.updatedAt).getTime() + minutes * MINUTE);
    expect(withStaleness(state, at(14), CONFIG).staleness.level).toBe('fresh');
    expect(withStaleness(state, at(15), CONFIG).staleness.level).toBe('aging');
    expect(withStaleness(state, at(60), CONFIG).staleness.level).toBe('aging');
    expect(withStaleness(state, at(61), CONFIG).staleness).toEqual({ ageSeconds: 3660, stale: true, level: 'stale' });
    expect(withStaleness(state, at(-5), CONFIG).staleness.ageSeconds).toBe(0);
  });

  it('reduces while aging and blocks when stale', () => {
    const state = traceState();
    const aging = new Date(new Date(state.updatedAt).getTime() + 30 * MINUTE);
    expect(riskMultiplierFromState(state, 'long', aging, CONFIG)).toMatchObject({
      multiplier: 0.4,
      reasons: ['bias_aging'],
    });
    expect(effectiveGating(state, aging, CONFIG)).toMatchObject({ tradeSuppressed: false, effectiveConfidence: 32.5 });
    const stale = new Date(new Date(state.updatedAt).getTime() + 2 * 60 * MINUTE);
    expect(effectiveGating(state, stale, CONFIG)).toMatchObject({
      tradeSuppressed: true,
      reasons: ['bias_stale'],
      staleness: { level: 'stale', action: 'block' },
      riskMultiplier: { long: 0, short: 0 },
    });
    expect(evaluateBiasGate(state, 'long', stale, CONFIG, true)).toMatchObject({ pass: false, code: 'bias_stale' });
  });

  it('suppresses on chop, macro conflict and a NO_TRADE hint', () => {
    const state = traceState();
    expect(effectiveGating({ ...state, chopScore: 80 }, NOW, CONFIG).reasons).toEqual(['chop_high']);
    expect(effectiveGating({ ...state, macroClass: 'RISK_OFF' }, NOW, CONFIG).reasons).toEqual(['macro_conflict']);
    expect(effectiveGating({ ...state, modeHint: 'NO_TRADE' }, NOW, CONFIG).reasons).toEqual(['mode_hint_no_trade']);
    expect(evaluateBiasGate({ ...state, chopScore: 80 }, 'long', NOW, CONFIG, true)).toMatchObject({
      pass: false,
      code: 'bias_trade_suppressed',
    });
  });

  it('holds without a state only when bias is required', () => {
    expect(evaluateBiasGate(null, 'long', NOW, CONFIG, true)).toMatchObject({ pass: false, code: 'no_mtf_bias_state' });
    expect(evaluateBiasGate(null, 'long', NOW, CONFIG, false)).toMatchObject({ pass: true, riskMultiplier: 1 });
  });
});

describe('riskMultiplierFromState', () => {
  it('boosts an aligned strong bias up to the 1.25 cap', () => {
    const strong = { ...traceState(), confidence: 75 };
    const decision = riskMultiplierFromState(strong, 'long', NOW, CONFIG);
    // 1.0 × 1.15 (RISK_ON) × 1.1 (TRENDING) = 1.265 -> 1.25
    expect(decision).toMatchObject({ multiplier: 1.25, tier: 'aligned_strong' });
    expect(decision.factors.map((f) => f.name)).toEqual(['aligned_strong', 'macro_aligned', 'trend_aligned']);
  });

  it('halves against a weak bias, blocks against a strong one', () => {
    const weakBull = { ...traceState(), biasScore: 30, direction: 'bullish' as const };
    expect(riskMultiplierFromState(weakBull, 'short', NOW, CONFIG)).toMatchObject({
      multiplier: 0.38,
      tier: 'opposing',
      reasons: ['bias_against_trade', 'macro_conflict'],
    });
    expect(riskMultiplierFromState(traceState(), 'short', NOW, CONFIG)).toMatchObject({
      multiplier: 0,
      blocked: true,
      reasons: ['bias_opposes_trade'],
    });
  });

  it('cuts for chop, volatility and a weakening bias', () => {
    const state = {
      ...traceState(),
      chopScore: 65,
      regime: 'VOLATILE' as const,
      acceleration: { ...traceState().acceleration, stateStrengthDelta: -0.3 },
    };
    // 0.8 × 0.75 × 0.85 × 0.85 = 0.4335
    expect(riskMultiplierFromState(state, 'long', NOW, CONFIG).multiplier).toBe(0.43);
  });
});
