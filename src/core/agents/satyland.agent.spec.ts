import fc from 'fast-check';

import { baseContext, candlesFromCloses, randomWalkCandles, trendCandles } from './agent-test-candles';
import { SPEC_CONFIDENCE_BOUNDS } from './agent.types';
import { runSatylandAgent, SATYLAND_AGENT } from './satyland.agent';

const NOW = new Date('2026-02-17T19:45:00.000Z');
/** A steady uptrend: +0.1 a candle, 0.5 wicks (ATR ≈ 1.1, so the price stays within 2 ATR of EMA21). */
const UPTREND = trendCandles(40, 0.1, 100, { wick: 0.5 });
const DOWNTREND = trendCandles(40, -0.1, 110, { wick: 0.5 });

describe('SatylandSubAgent', () => {
  it('declares a subagent behind ENABLE_SATYLAND_SUBAGENT with the spec bounds 20-90', () => {
    expect(SATYLAND_AGENT).toEqual({
      name: 'satyland',
      type: 'subagent',
      featureFlag: 'ENABLE_SATYLAND_SUBAGENT',
      confidenceBounds: { min: 20, max: 90 },
    });
  });

  it('when_price_above_a_rising_ema21_and_signal_long_then_confirms_bullish', () => {
    const out = runSatylandAgent(baseContext({ candles: UPTREND }), NOW);
    expect(out).toMatchObject({
      agent: 'satyland',
      type: 'subagent',
      bias: 'bullish',
      confidence: 80,
      reasons: ['price_above_ema21', 'ema21_rising', 'ema21_aligned', 'confirms_signal'],
      block: false,
    });
    expect(out?.metadata?.ema21).toBeCloseTo(102.924, 3);
    expect(out?.metadata?.slope).toBeGreaterThan(0);
  });

  it('when_the_signal_is_short_against_a_bullish_alignment_then_bullish_without_the_confirmation', () => {
    const out = runSatylandAgent(baseContext({ candles: UPTREND, direction: 'short' }), NOW);
    expect(out).toMatchObject({
      bias: 'bullish',
      confidence: 70,
      reasons: ['price_above_ema21', 'ema21_rising', 'ema21_aligned', 'contradicts_signal'],
    });
  });

  it('when_price_below_a_falling_ema21_and_signal_short_then_confirms_bearish', () => {
    const out = runSatylandAgent(baseContext({ candles: DOWNTREND, direction: 'short' }), NOW);
    expect(out).toMatchObject({
      bias: 'bearish',
      confidence: 80,
      reasons: ['price_below_ema21', 'ema21_falling', 'ema21_aligned', 'confirms_signal'],
    });
  });

  it('when_price_is_far_from_ema21_in_atr_then_extended', () => {
    const tight = trendCandles(40, 0.1, 100, { wick: 0.05 });
    const out = runSatylandAgent(baseContext({ candles: tight }), NOW);
    expect(out).toMatchObject({ bias: 'bullish', confidence: 70 });
    expect(out?.reasons).toContain('extended_from_ema21');
    expect(out?.metadata?.distanceAtr).toBeGreaterThan(2);
  });

  it('when_price_above_ema21_but_ema21_falling_then_weak', () => {
    const out = runSatylandAgent(baseContext({ candles: DOWNTREND, price: 108 }), NOW);
    expect(out).toMatchObject({
      bias: 'bullish',
      confidence: 45,
      reasons: ['price_above_ema21', 'ema21_falling', 'ema21_slope_disagrees', 'confirms_signal'],
    });
  });

  it('when_ema21_is_flat_then_only_the_price_side_counts', () => {
    const out = runSatylandAgent(baseContext({ candles: trendCandles(40, 0), price: 100.5 }), NOW);
    expect(out).toMatchObject({
      bias: 'bullish',
      confidence: 50,
      reasons: ['price_above_ema21', 'ema21_flat', 'confirms_signal'],
    });
  });

  it('when_price_sits_on_ema21_then_neutral_at_the_floor', () => {
    const out = runSatylandAgent(baseContext({ candles: trendCandles(40, 0), price: 100 }), NOW);
    expect(out).toMatchObject({ bias: 'neutral', confidence: 20, reasons: ['price_at_ema21'] });
  });

  it('when_fewer_than_24_candles_or_no_price_then_not_applicable', () => {
    expect(runSatylandAgent(baseContext({ candles: UPTREND.slice(0, 23) }), NOW)).toBeNull();
    expect(runSatylandAgent(baseContext({ candles: UPTREND.slice(0, 24) }), NOW)).not.toBeNull();
    expect(runSatylandAgent(baseContext({ candles: UPTREND, price: null }), NOW)).toBeNull();
  });

  it('is deterministic on seeded candles', () => {
    const a = runSatylandAgent(baseContext({ candles: randomWalkCandles(60, 7) }), NOW);
    const b = runSatylandAgent(baseContext({ candles: randomWalkCandles(60, 7) }), NOW);
    expect(a).toEqual(b);
  });

  it('confidence stays within 20-90 for any candles, price and direction', () => {
    const { min, max } = SPEC_CONFIDENCE_BOUNDS.satyland;
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 24, maxLength: 80 }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.constantFrom('long' as const, 'short' as const),
        (moves, wick, priceOffset, direction) => {
          let price = 100;
          const closes = moves.map((m) => (price = Math.max(1, price + m)));
          const candles = candlesFromCloses(closes, { wick });
          const ctx = baseContext({ candles, direction, price: Math.max(0.5, price + priceOffset) });
          const out = runSatylandAgent(ctx, NOW);
          expect(out).not.toBeNull();
          expect(Number.isInteger(out!.confidence)).toBe(true);
          expect(out!.confidence).toBeGreaterThanOrEqual(min);
          expect(out!.confidence).toBeLessThanOrEqual(max);
        },
      ),
      { numRuns: 200 },
    );
  });
});
