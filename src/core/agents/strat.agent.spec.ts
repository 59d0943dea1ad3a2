import { baseContext, candleAt, candlesOf, type CandleParts } from './agent-test-candles';
import { classifyStratBar, runStratAgent, STRAT_AGENT } from './strat.agent';

const NOW = new Date('2026-02-17T19:45:00.000Z');

/** A candle with the given low and high; closes at `closeAt` of its range (0 = low, 1 = high). */
function bar(low: number, high: number, closeAt = 0.5): CandleParts {
  return { open: (low + high) / 2, high, low, close: low + (high - low) * closeAt };
}

const BASE = bar(99, 101);
const UP = bar(99.5, 101.5); // 2U after BASE
const DOWN = bar(98.5, 100.5); // 2D after BASE

function strat(parts: CandleParts[]) {
  return runStratAgent(baseContext({ candles: candlesOf(parts) }), NOW);
}

describe('classifyStratBar', () => {
  const prev = candleAt(0, bar(99, 101));
  it.each([
    ['inside', '1', bar(99.5, 100.5)],
    ['inside with equal high and low', '1', bar(99, 101)],
    ['higher high only', '2U', bar(99.5, 101.5)],
    ['lower low only', '2D', bar(98.5, 100.5)],
    ['both sides broken', '3', bar(98.5, 101.5)],
  ] as const)('%s → %s', (_name, expected, cur) => {
    expect(classifyStratBar(prev, candleAt(1, cur))).toBe(expected);
  });
});

describe('StratSpecialist', () => {
  it('declares a specialist behind ENABLE_STRAT_SPECIALIST', () => {
    expect(STRAT_AGENT).toMatchObject({ name: 'strat', type: 'specialist', featureFlag: 'ENABLE_STRAT_SPECIALIST' });
  });

  it('when_2U_1_2U_then_bullish_continuation', () => {
    // BASE, 2U, inside, 2U (breaks the inside bar's high), closing high.
    const out = strat([BASE, UP, bar(100, 101), bar(100.5, 102, 0.9)]);
    expect(out).toMatchObject({
      agent: 'strat',
      bias: 'bullish',
      confidence: 75,
      reasons: ['strat_212_bullish_continuation', 'trigger_close_strong'],
      block: false,
    });
    expect(out?.metadata).toMatchObject({ bars: ['2U', '1', '2U'] });
  });

  it('when_2D_1_2D_then_bearish_continuation', () => {
    const out = strat([BASE, DOWN, bar(99, 100), bar(98, 99.5, 0.1)]);
    expect(out).toMatchObject({ bias: 'bearish', reasons: ['strat_212_bearish_continuation', 'trigger_close_strong'] });
  });

  it('when_2U_1_2D_then_bearish_reversal', () => {
    const out = strat([BASE, UP, bar(100, 101), bar(99.5, 100.8, 0.2)]);
    expect(out).toMatchObject({
      bias: 'bearish',
      confidence: 70,
      reasons: ['strat_212_bearish_reversal', 'trigger_close_strong'],
    });
  });

  it('when_2D_1_2U_then_bullish_reversal', () => {
    const out = strat([BASE, DOWN, bar(99, 100), bar(99.5, 100.5, 0.8)]);
    expect(out).toMatchObject({ bias: 'bullish', reasons: ['strat_212_bullish_reversal', 'trigger_close_strong'] });
  });

  it('when_3_1_2D_then_bearish_312', () => {
    const out = strat([BASE, bar(98, 102), bar(99, 101), bar(98.5, 100.5, 0.1)]);
    expect(out).toMatchObject({
      bias: 'bearish',
      confidence: 75,
      reasons: ['strat_312_bearish', 'trigger_close_strong'],
    });
    expect(out?.metadata).toMatchObject({ bars: ['3', '1', '2D'] });
  });

  it('when_3_1_2U_then_bullish_312', () => {
    const out = strat([BASE, bar(98, 102), bar(99, 101), bar(99.5, 101.5, 0.9)]);
    expect(out).toMatchObject({ bias: 'bullish', reasons: ['strat_312_bullish', 'trigger_close_strong'] });
  });

  it('when_1_2D_2U_then_bullish_rev_strat', () => {
    const out = strat([BASE, bar(99.5, 100.5), bar(99, 100.4), bar(99.2, 100.8, 0.9)]);
    expect(out).toMatchObject({
      bias: 'bullish',
      confidence: 70,
      reasons: ['strat_122_bullish_rev_strat', 'trigger_close_strong'],
    });
    expect(out?.metadata).toMatchObject({ bars: ['1', '2D', '2U'] });
  });

  it('when_only_three_candles_then_a_2U_2D_is_a_bearish_2_2_reversal', () => {
    const out = strat([BASE, UP, bar(99.2, 101.4, 0.2)]);
    expect(out).toMatchObject({
      bias: 'bearish',
      confidence: 60,
      reasons: ['strat_22_bearish_reversal', 'trigger_close_strong'],
    });
    expect(out?.metadata).toMatchObject({ bars: ['2U', '2D'] });
  });

  it('when_2D_2U_after_a_2_then_bullish_2_2_reversal', () => {
    const out = strat([BASE, UP, bar(99.2, 101.4), bar(99.3, 101.6, 0.7)]);
    expect(out).toMatchObject({ bias: 'bullish', reasons: ['strat_22_bullish_reversal', 'trigger_close_strong'] });
  });

  it('when_the_trigger_closes_against_the_pattern_then_confidence_drops', () => {
    const out = strat([BASE, UP, bar(100, 101), bar(100.5, 102, 0.1)]);
    expect(out).toMatchObject({
      bias: 'bullish',
      confidence: 60,
      reasons: ['strat_212_bullish_continuation', 'trigger_close_weak'],
    });
  });

  it('when_the_last_bar_is_inside_then_neutral_pending', () => {
    expect(strat([BASE, UP, bar(100, 101)])).toMatchObject({
      bias: 'neutral',
      confidence: 30,
      reasons: ['inside_bar_pending'],
    });
  });

  it('when_the_last_bar_is_outside_then_neutral', () => {
    expect(strat([BASE, UP, bar(98, 103)])).toMatchObject({ bias: 'neutral', reasons: ['outside_bar'] });
  });

  it('when_two_bars_continue_the_same_way_then_no_pattern', () => {
    expect(strat([BASE, UP, bar(100, 102)])).toMatchObject({ bias: 'neutral', reasons: ['no_strat_pattern'] });
  });

  it('reads only the last four candles', () => {
    const early = [bar(50, 150), bar(60, 140)];
    expect(strat([...early, BASE, UP, bar(100, 101), bar(100.5, 102, 0.9)])?.reasons[0]).toBe(
      'strat_212_bullish_continuation',
    );
  });

  it('when_fewer_than_three_candles_then_not_applicable', () => {
    expect(strat([BASE, UP])).toBeNull();
    expect(strat([])).toBeNull();
  });
});
