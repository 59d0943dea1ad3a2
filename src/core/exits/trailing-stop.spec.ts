import { CONFIG, markFor, position, TRACE_NOW_MS } from './exits.fixtures';
import { nextHighWater, trailingStopRule } from './trailing-stop';

const trailing = { ...CONFIG, trailingStopPct: 10, trailingActivationPct: 20 };

describe('nextHighWater', () => {
  it('keeps the highest mark for long positions', () => {
    expect(nextHighWater(4, 3.5)).toBe(4);
    expect(nextHighWater(4, 4.2)).toBe(4.2);
  });

  it('keeps the lowest mark for short positions', () => {
    expect(nextHighWater(2, 1.8, 'short')).toBe(1.8);
    expect(nextHighWater(1.5, 1.8, 'short')).toBe(1.5);
  });

  it('starts at the first usable mark and ignores unusable ones', () => {
    expect(nextHighWater(null, 3.52)).toBe(3.52);
    expect(nextHighWater(4, null)).toBe(4);
    expect(nextHighWater(4, Number.NaN)).toBe(4);
    expect(nextHighWater(null, null)).toBeNull();
  });
});

describe('trailing_stop', () => {
  it('is off by default (trailingStopPct 0)', () => {
    const p = position({ highWaterPrice: 6, currentPrice: 4 });
    expect(trailingStopRule.evaluate(p, CONFIG, TRACE_NOW_MS).pass).toBe(true);
  });

  it('does not arm before the high-water mark is 20 % above the entry', () => {
    const p = position({ highWaterPrice: markFor(19), currentPrice: markFor(0) });
    expect(trailingStopRule.evaluate(p, trailing, TRACE_NOW_MS).pass).toBe(true);
  });

  it('fires once armed and the mark is 10 % below the high-water mark', () => {
    const p = position({ highWaterPrice: 5, currentPrice: 4.5 });
    const result = trailingStopRule.evaluate(p, trailing, TRACE_NOW_MS);
    expect(result).toMatchObject({ pass: false, code: 'trailing_stop', action: 'FULL_EXIT' });
    expect(result.detail).toContain('stop 4.50');
  });

  it('holds while the mark is within the trailing distance', () => {
    const p = position({ highWaterPrice: 5, currentPrice: 4.51 });
    expect(trailingStopRule.evaluate(p, trailing, TRACE_NOW_MS).pass).toBe(true);
  });

  it('counts a new high in the current mark (no exit on the tick that sets it)', () => {
    const p = position({ highWaterPrice: 4.5, currentPrice: 5 });
    expect(trailingStopRule.evaluate(p, trailing, TRACE_NOW_MS).pass).toBe(true);
  });

  it('trails short positions from the low-water mark', () => {
    const short = position({ direction: 'short', entryPrice: 2, highWaterPrice: 1.5, currentPrice: 1.66 });
    expect(trailingStopRule.evaluate(short, trailing, TRACE_NOW_MS)).toMatchObject({ pass: false });
    expect(trailingStopRule.evaluate({ ...short, currentPrice: 1.64 }, trailing, TRACE_NOW_MS).pass).toBe(true);
  });

  it('runs at the tightened distance, armed at once, after TIGHTEN_STOP', () => {
    const p = position({ highWaterPrice: markFor(10), currentPrice: markFor(10) * 0.84, stopTightened: true });
    expect(trailingStopRule.evaluate(p, CONFIG, TRACE_NOW_MS)).toMatchObject({ pass: false, code: 'trailing_stop' });
    expect(trailingStopRule.evaluate(p, CONFIG, TRACE_NOW_MS).detail).toContain('tightened');
  });

  it('passes without a mark', () => {
    expect(trailingStopRule.evaluate(position({ currentPrice: null }), trailing, TRACE_NOW_MS).pass).toBe(true);
  });
});
