import fc from 'fast-check';

import { applyBiasEvent, DEFAULT_BIAS_CONFIG, effectiveGating, parseBiasPayload, riskMultiplierFromState } from '.';
import { MACRO_CLASSES, MODE_HINTS, REGIMES } from './bias.types';
import type { BiasEvent, UnifiedBiasState } from './bias.types';

const CONFIG = DEFAULT_BIAS_CONFIG;
const BASE = new Date('2026-02-17T15:00:00Z').getTime();
const TIMEFRAMES = ['1m', '5m', '15m', '30m', '1h', '4h', '1d', '1w', '45m', '2d'];

const eventArb: fc.Arbitrary<BiasEvent> = fc
  .record({
    id: fc.string({ minLength: 1, maxLength: 20 }),
    offsetMinutes: fc.integer({ min: 0, max: 3000 }),
    readings: fc.uniqueArray(
      fc.record({
        timeframe: fc.constantFrom(...TIMEFRAMES),
        score: fc.integer({ min: -100, max: 100 }),
        confidence: fc.integer({ min: 0, max: 100 }),
      }),
      { minLength: 1, maxLength: 6, selector: (r) => r.timeframe },
    ),
    regime: fc.option(fc.constantFrom(...REGIMES), { nil: null }),
    chop: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
    macro: fc.option(fc.constantFrom(...MACRO_CLASSES), { nil: null }),
    mode: fc.option(fc.constantFrom(...MODE_HINTS), { nil: null }),
  })
  .map(({ id, offsetMinutes, readings, regime, chop, macro, mode }) => {
    const time = new Date(BASE + offsetMinutes * 60_000).toISOString();
    return {
      eventId: id,
      symbol: 'SPY',
      source: 'v3',
      eventType: 'BIAS_SNAPSHOT',
      eventTime: time,
      receivedAt: time,
      chartTimeframe: null,
      timeframes: readings.map((r) => ({
        timeframe: r.timeframe,
        bias: r.score > 0 ? 'bullish' : r.score < 0 ? 'bearish' : 'neutral',
        score: r.score,
        confidence: r.confidence,
        updatedAt: time,
      })),
      regime,
      chopScore: chop,
      macroClass: macro,
      macroDetail: null,
      modeHint: mode,
      reported: null,
      session: null,
    } satisfies BiasEvent;
  });

/** A state built by applying 1-5 events in time order. */
const stateArb: fc.Arbitrary<UnifiedBiasState> = fc
  .array(eventArb, { minLength: 1, maxLength: 5 })
  .map((events) =>
    [...events]
      .sort((a, b) => a.eventTime.localeCompare(b.eventTime))
      .reduce<UnifiedBiasState | null>((state, event) => applyBiasEvent(state, event, CONFIG), null),
  )
  .filter((s): s is UnifiedBiasState => s !== null);

describe('bias properties', () => {
  it('keeps every score and confidence in range', () => {
    fc.assert(
      fc.property(stateArb, (state) => {
        expect(state.biasScore).toBeGreaterThanOrEqual(-100);
        expect(state.biasScore).toBeLessThanOrEqual(100);
        expect(state.confidence).toBeGreaterThanOrEqual(0);
        expect(state.confidence).toBeLessThanOrEqual(100);
        expect(state.chopScore).toBeGreaterThanOrEqual(0);
        expect(state.chopScore).toBeLessThanOrEqual(100);
        expect(state.recentEventIds.length).toBeLessThanOrEqual(CONFIG.recentEventIds);
        const side = state.biasScore >= 15 ? 'bullish' : state.biasScore <= -15 ? 'bearish' : 'neutral';
        expect(state.direction).toBe(side);
      }),
    );
  });

  it('keeps the multiplier at 0 (blocked) or within [floor, cap]', () => {
    fc.assert(
      fc.property(stateArb, fc.constantFrom('long' as const, 'short' as const), fc.nat(600), (state, dir, minutes) => {
        const now = new Date(new Date(state.updatedAt).getTime() + minutes * 60_000);
        const { multiplier, blocked } = riskMultiplierFromState(state, dir, now, CONFIG);
        if (blocked) {
          expect(multiplier).toBe(0);
        } else {
          expect(multiplier).toBeGreaterThanOrEqual(CONFIG.risk.floor);
          expect(multiplier).toBeLessThanOrEqual(CONFIG.risk.cap);
        }
      }),
    );
  });

  it('never increases risk as the state ages', () => {
    fc.assert(
      fc.property(
        stateArb,
        fc.constantFrom('long' as const, 'short' as const),
        fc.nat(300),
        fc.nat(300),
        (state, dir, a, b) => {
          const t0 = new Date(state.updatedAt).getTime();
          const earlier = new Date(t0 + Math.min(a, b) * 60_000);
          const later = new Date(t0 + Math.max(a, b) * 60_000);
          const before = riskMultiplierFromState(state, dir, earlier, CONFIG).multiplier;
          const after = riskMultiplierFromState(state, dir, later, CONFIG).multiplier;
          expect(after).toBeLessThanOrEqual(before);
          const gatingLater = effectiveGating(state, later, CONFIG);
          if (effectiveGating(state, earlier, CONFIG).tradeSuppressed) {
            expect(gatingLater.tradeSuppressed).toBe(true);
          }
        },
      ),
    );
  });

  it('never throws on arbitrary JSON', () => {
    const received = new Date('2026-02-17T15:30:00Z');
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        parseBiasPayload(value, received);
      }),
    );
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom(
            'event_type',
            'mtf',
            'timeframes',
            'symbol',
            'timeframe',
            'bias',
            'source',
            'event_id_raw',
            'macro',
            'intent',
            'liquidity',
            'space',
            'trigger',
          ),
          fc.jsonValue(),
        ),
        (value) => {
          parseBiasPayload({ ...value, event_type: 'BIAS_SNAPSHOT' }, received);
          parseBiasPayload({ ...value, event_id_raw: 'x', source: 'MTF_BIAS_ENGINE_V3' }, received);
        },
      ),
    );
  });
});
