import { baseContext, indicatorSnapshot, trendCandles } from './agent-test-candles';
import { runTechnicalAgent, TECHNICAL_AGENT } from './technical.agent';

const NOW = new Date('2026-02-17T19:45:00.000Z');

function withIndicators(price: number, values: Parameters<typeof indicatorSnapshot>[0]) {
  return baseContext({ price, indicators: indicatorSnapshot(values) });
}

describe('TechnicalAgent', () => {
  it('declares a core agent, always active', () => {
    expect(TECHNICAL_AGENT).toMatchObject({ name: 'technical', type: 'core', featureFlag: null });
  });

  it('when_fully_aligned_up_with_rsi_confirming_then_bullish_85', () => {
    const out = runTechnicalAgent(withIndicators(101, { ema8: 100.5, ema21: 100, vwap: 100.2, rsi14: 60 }), NOW);
    expect(out).toMatchObject({
      agent: 'technical',
      bias: 'bullish',
      confidence: 85,
      reasons: ['ema8_above_ema21', 'price_above_ema8', 'price_above_ema21', 'price_above_vwap', 'rsi_confirms'],
      block: false,
    });
    expect(out?.metadata).toMatchObject({ ema8: 100.5, ema21: 100, vwap: 100.2, score: 5, maxScore: 5 });
  });

  it('when_fully_aligned_down_then_bearish', () => {
    const out = runTechnicalAgent(withIndicators(99, { ema8: 99.5, ema21: 100, vwap: 99.8, rsi14: 40 }), NOW);
    expect(out).toMatchObject({
      bias: 'bearish',
      confidence: 85,
      reasons: ['ema8_below_ema21', 'price_below_ema8', 'price_below_ema21', 'price_below_vwap', 'rsi_confirms'],
    });
  });

  it('when_rsi_overbought_then_a_bullish_read_is_dampened', () => {
    const out = runTechnicalAgent(withIndicators(101, { ema8: 100.5, ema21: 100, vwap: 100.2, rsi14: 75 }), NOW);
    expect(out).toMatchObject({ bias: 'bullish', confidence: 65 });
    expect(out?.reasons).toContain('rsi_overbought');
  });

  it('when_rsi_oversold_then_a_bearish_read_is_dampened', () => {
    const out = runTechnicalAgent(withIndicators(99, { ema8: 99.5, ema21: 100, rsi14: 25 }), NOW);
    expect(out).toMatchObject({ bias: 'bearish', confidence: 65 });
    expect(out?.reasons).toContain('rsi_oversold');
  });

  it('when_partially_aligned_then_less_confident_than_fully_aligned', () => {
    // EMA8 > EMA21 (+2), price between them: above EMA21 (+1), below EMA8 (-1): 2 of 4.
    const out = runTechnicalAgent(withIndicators(100.3, { ema8: 100.5, ema21: 100 }), NOW);
    expect(out).toMatchObject({
      bias: 'bullish',
      confidence: 60,
      reasons: ['ema8_above_ema21', 'price_below_ema8', 'price_above_ema21'],
    });
  });

  it('when_signals_cancel_out_then_neutral', () => {
    // EMA8 > EMA21 (+2) but price under both (-2).
    const out = runTechnicalAgent(withIndicators(99, { ema8: 100.5, ema21: 100 }), NOW);
    expect(out).toMatchObject({
      bias: 'neutral',
      confidence: 30,
      reasons: ['ema8_above_ema21', 'price_below_ema8', 'price_below_ema21', 'ema_mixed'],
    });
  });

  it('when_indicators_missing_then_falls_back_to_price_for_every_ema_neutral_low_confidence', () => {
    const out = runTechnicalAgent(baseContext({ price: 101, indicators: null }), NOW);
    expect(out).toMatchObject({ bias: 'neutral', confidence: 20, reasons: ['indicators_unavailable'] });
    expect(out?.metadata).toMatchObject({ ema8: 101, ema21: 101, fallback: true });
  });

  it('when_too_few_candles_for_ema21_then_falls_back', () => {
    const out = runTechnicalAgent(baseContext({ candles: trendCandles(10, 0.1) }), NOW);
    expect(out).toMatchObject({ bias: 'neutral', reasons: ['indicators_unavailable'] });
  });

  it('reads real candles: an uptrend is bullish, a downtrend bearish', () => {
    const up = runTechnicalAgent(baseContext({ candles: trendCandles(60, 0.1, 100, { wick: 0.5 }) }), NOW);
    const down = runTechnicalAgent(baseContext({ candles: trendCandles(60, -0.1, 110, { wick: 0.5 }) }), NOW);
    expect(up).toMatchObject({ bias: 'bullish' });
    expect(up?.reasons).toEqual(expect.arrayContaining(['ema8_above_ema21', 'price_above_ema8', 'price_above_vwap']));
    expect(down).toMatchObject({ bias: 'bearish' });
    expect(down?.reasons).toEqual(expect.arrayContaining(['ema8_below_ema21', 'price_below_ema8']));
  });

  it('when_price_unavailable_then_not_applicable', () => {
    expect(runTechnicalAgent(baseContext({ price: null }), NOW)).toBeNull();
  });
});
