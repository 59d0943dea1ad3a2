import fc from 'fast-check';

import { computeIndicators, type TtmSqueeze } from '../indicators';
import {
  baseContext,
  candlesFromCloses,
  indicatorSnapshot,
  TEST_SESSION_OPEN,
  trendCandles,
} from './agent-test-candles';
import { SPEC_CONFIDENCE_BOUNDS } from './agent.types';
import { runTtmAgent, TTM_AGENT } from './ttm.agent';

const NOW = new Date('2026-02-17T19:45:00.000Z');

/** 45 candles oscillating 100 / 100.02 with 0.5 wicks: Bollinger well inside Keltner, squeeze on. */
const COILED = Array.from({ length: 45 }, (_, i) => (i % 2 === 0 ? 100 : 100.02));

function coiledThen(lastClose: number) {
  return baseContext({ candles: candlesFromCloses([...COILED, lastClose], { wick: 0.5 }) });
}

/** No candles: the previous squeeze state is unknown, so "fired" cannot be claimed. */
function withSqueeze(squeeze: TtmSqueeze, atr14: number | null = null) {
  return baseContext({ candles: [], indicators: indicatorSnapshot({ squeeze, atr14 }) });
}

describe('TTMSpecialist', () => {
  it('declares a specialist behind ENABLE_TTM_SPECIALIST with the spec bounds 0-80', () => {
    expect(TTM_AGENT).toEqual({
      name: 'ttm',
      type: 'specialist',
      featureFlag: 'ENABLE_TTM_SPECIALIST',
      confidenceBounds: { min: 0, max: 80 },
    });
  });

  it('when_the_squeeze_fires_up_with_rising_momentum_then_bullish_at_the_top_of_the_range', () => {
    const out = runTtmAgent(coiledThen(106), NOW);
    expect(out).toMatchObject({
      agent: 'ttm',
      bias: 'bullish',
      confidence: 80,
      reasons: ['squeeze_fired', 'momentum_bullish', 'momentum_accelerating', 'strong_momentum'],
      block: false,
    });
    expect(out?.metadata).toMatchObject({ previousSqueezeOn: true, squeezeOn: false, state: 'fired' });
  });

  it('when_the_squeeze_fires_down_then_bearish', () => {
    const out = runTtmAgent(coiledThen(94), NOW);
    expect(out).toMatchObject({
      bias: 'bearish',
      reasons: expect.arrayContaining(['squeeze_fired', 'momentum_bearish']),
    });
  });

  it('when_the_move_is_too_small_to_release_the_squeeze_then_squeeze_on_and_weaker', () => {
    const out = runTtmAgent(coiledThen(103), NOW);
    expect(out).toMatchObject({
      bias: 'bullish',
      confidence: 50,
      reasons: ['squeeze_on', 'momentum_bullish', 'momentum_accelerating'],
    });
  });

  it('a fired squeeze outranks the same momentum with the squeeze off, which outranks a squeeze still on', () => {
    const momentum: TtmSqueeze = { squeezeOn: false, momentum: 0.4, momentumRising: true };
    const off = runTtmAgent(withSqueeze(momentum), NOW);
    const on = runTtmAgent(withSqueeze({ ...momentum, squeezeOn: true }), NOW);
    const fired = runTtmAgent(coiledThen(104), NOW);
    expect(off).toMatchObject({
      confidence: 60,
      reasons: ['squeeze_off', 'momentum_bullish', 'momentum_accelerating'],
    });
    expect(on).toMatchObject({ confidence: 50, reasons: ['squeeze_on', 'momentum_bullish', 'momentum_accelerating'] });
    expect(fired?.reasons[0]).toBe('squeeze_fired');
    expect(fired!.confidence).toBeGreaterThan(off!.confidence);
    expect(off!.confidence).toBeGreaterThan(on!.confidence);
  });

  it('when_momentum_fades_then_confidence_drops', () => {
    const fading = runTtmAgent(withSqueeze({ squeezeOn: false, momentum: -0.4, momentumRising: true }), NOW);
    expect(fading).toMatchObject({
      bias: 'bearish',
      confidence: 35,
      reasons: ['squeeze_off', 'momentum_bearish', 'momentum_fading'],
    });
  });

  it('when_momentum_is_large_against_atr_then_strong_momentum', () => {
    const out = runTtmAgent(withSqueeze({ squeezeOn: false, momentum: 0.6, momentumRising: null }, 1), NOW);
    expect(out).toMatchObject({ confidence: 50, reasons: ['squeeze_off', 'momentum_bullish', 'strong_momentum'] });
  });

  it('when_momentum_is_zero_then_neutral', () => {
    const out = runTtmAgent(withSqueeze({ squeezeOn: true, momentum: 0, momentumRising: false }), NOW);
    expect(out).toMatchObject({ bias: 'neutral', confidence: 20, reasons: ['squeeze_on', 'momentum_flat'] });
  });

  it('when_there_is_no_squeeze_reading_then_not_applicable', () => {
    expect(runTtmAgent(baseContext({ candles: trendCandles(30, 0.1) }), NOW)).toBeNull();
    expect(runTtmAgent(baseContext({ indicators: null }), NOW)).toBeNull();
  });

  it('confidence stays within 0-80 for any candles', () => {
    const { min, max } = SPEC_CONFIDENCE_BOUNDS.ttm;
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 39, maxLength: 80 }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        fc.constantFrom('long' as const, 'short' as const),
        (moves, wick, direction) => {
          let price = 100;
          const closes = moves.map((m) => (price = Math.max(1, price + m)));
          const candles = candlesFromCloses(closes, { wick });
          const ctx = baseContext({
            candles,
            direction,
            indicators: computeIndicators(candles, { sessionOpen: TEST_SESSION_OPEN }),
          });
          const out = runTtmAgent(ctx, NOW);
          expect(out).not.toBeNull();
          expect(Number.isInteger(out!.confidence)).toBe(true);
          expect(out!.confidence).toBeGreaterThanOrEqual(min);
          expect(out!.confidence).toBeLessThanOrEqual(max);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('confidence stays within 0-80 for any squeeze reading', () => {
    fc.assert(
      fc.property(
        fc.record({
          squeezeOn: fc.boolean(),
          momentum: fc.double({ noNaN: true, noDefaultInfinity: true }),
          momentumRising: fc.option(fc.boolean(), { nil: null }),
        }),
        fc.option(fc.double({ min: 0, max: 1e6, noNaN: true }), { nil: null }),
        (squeeze, atr14) => {
          const out = runTtmAgent(withSqueeze(squeeze, atr14), NOW);
          expect(out!.confidence).toBeGreaterThanOrEqual(0);
          expect(out!.confidence).toBeLessThanOrEqual(80);
        },
      ),
    );
  });
});
