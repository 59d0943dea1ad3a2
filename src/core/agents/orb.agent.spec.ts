import { candlesOf, baseContext, indicatorSnapshot, type CandleParts } from './agent-test-candles';
import { ORB_AGENT, runOrbAgent } from './orb.agent';

const NOW = new Date('2026-02-17T19:45:00.000Z');

/** 09:30-09:45 ET (three 5m candles): high 101, low 99. Then quiet candles inside, volume 1000. */
const RANGE: CandleParts[] = [
  { open: 100, high: 101, low: 99.5, close: 100.5 },
  { open: 100.5, high: 100.8, low: 99, close: 99.5 },
  { open: 99.5, high: 100.2, low: 99.4, close: 100 },
];
const QUIET: CandleParts[] = Array.from({ length: 6 }, () => ({ open: 100, high: 100.3, low: 99.7, close: 100 }));

function session(last: CandleParts) {
  return baseContext({ candles: candlesOf([...RANGE, ...QUIET, last]) });
}

describe('ORBSpecialist', () => {
  it('declares a specialist behind ENABLE_ORB_SPECIALIST', () => {
    expect(ORB_AGENT).toMatchObject({ name: 'orb', type: 'specialist', featureFlag: 'ENABLE_ORB_SPECIALIST' });
  });

  it('reads the opening range the indicators computed', () => {
    expect(session({ open: 100, high: 100.1, low: 99.9, close: 100 }).indicators?.openingRange).toEqual({
      high: 101,
      low: 99,
      complete: true,
    });
  });

  it('when_price_breaks_above_the_range_on_strong_volume_then_bullish', () => {
    // 0.5 above a 2-wide range = 0.25 widths → 50 + 15; volume 3000 vs 1000 → +15.
    const out = runOrbAgent(session({ open: 100.2, high: 101.6, low: 100.1, close: 101.5, volume: 3000 }), NOW);
    expect(out).toMatchObject({
      agent: 'orb',
      bias: 'bullish',
      confidence: 80,
      reasons: ['orb_breakout_above', 'breakout_volume_confirmed'],
      block: false,
    });
    expect(out?.metadata).toMatchObject({ rangeHigh: 101, rangeLow: 99, rangeWidth: 2, distanceRatio: 0.25 });
    expect(out?.metadata?.volumeRatio).toBeCloseTo(3, 9);
  });

  it('when_the_breakout_goes_further_then_confidence_grows_up_to_the_cap', () => {
    const near = runOrbAgent(session({ open: 100.5, high: 101.3, low: 100.4, close: 101.2 }), NOW);
    const far = runOrbAgent(session({ open: 100.5, high: 102.1, low: 100.4, close: 102 }), NOW);
    const farther = runOrbAgent(session({ open: 100.5, high: 104.1, low: 100.4, close: 104 }), NOW);
    expect(near).toMatchObject({ bias: 'bullish', confidence: 56, reasons: ['orb_breakout_above'] });
    expect(far).toMatchObject({ bias: 'bullish', confidence: 80 });
    expect(farther?.confidence).toBe(80);
  });

  it('when_the_breakout_candle_volume_is_weak_then_confidence_drops', () => {
    const out = runOrbAgent(session({ open: 100.5, high: 102.1, low: 100.4, close: 102, volume: 500 }), NOW);
    expect(out).toMatchObject({ confidence: 70, reasons: ['orb_breakout_above', 'breakout_volume_weak'] });
  });

  it('when_price_breaks_below_the_range_then_bearish', () => {
    const out = runOrbAgent(session({ open: 99.5, high: 99.6, low: 97.9, close: 98, volume: 2000 }), NOW);
    expect(out).toMatchObject({
      bias: 'bearish',
      confidence: 95,
      reasons: ['orb_breakdown_below', 'breakout_volume_confirmed'],
    });
  });

  it('when_price_is_inside_the_range_then_neutral', () => {
    const out = runOrbAgent(session({ open: 100, high: 100.6, low: 99.8, close: 100.5 }), NOW);
    expect(out).toMatchObject({ bias: 'neutral', confidence: 30, reasons: ['inside_opening_range'] });
  });

  it('when_price_equals_the_range_high_then_still_inside', () => {
    const out = runOrbAgent(session({ open: 100, high: 101, low: 99.8, close: 101 }), NOW);
    expect(out?.bias).toBe('neutral');
  });

  it('when_the_opening_range_is_still_forming_then_not_applicable', () => {
    const forming = baseContext({ candles: candlesOf(RANGE.slice(0, 2)), price: 102 });
    expect(forming.indicators?.openingRange?.complete).toBe(false);
    expect(runOrbAgent(forming, NOW)).toBeNull();
  });

  it('when_there_is_no_opening_range_or_no_price_then_not_applicable', () => {
    expect(runOrbAgent(baseContext({ indicators: indicatorSnapshot() }), NOW)).toBeNull();
    expect(runOrbAgent(baseContext({ indicators: null }), NOW)).toBeNull();
    expect(runOrbAgent({ ...session({ open: 100, high: 102, low: 100, close: 102 }), price: null }, NOW)).toBeNull();
  });

  it('when_the_range_has_no_width_then_not_applicable', () => {
    const flat = indicatorSnapshot({ openingRange: { high: 100, low: 100, complete: true } });
    expect(runOrbAgent(baseContext({ indicators: flat, price: 101 }), NOW)).toBeNull();
  });

  it('when_volume_history_is_missing_then_says_so', () => {
    const ranged = indicatorSnapshot({ openingRange: { high: 101, low: 99, complete: true } });
    const out = runOrbAgent(baseContext({ indicators: ranged, candles: [], price: 102 }), NOW);
    expect(out).toMatchObject({
      bias: 'bullish',
      confidence: 80,
      reasons: ['orb_breakout_above', 'breakout_volume_unknown'],
    });
  });
});
