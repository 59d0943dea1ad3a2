import {
  daysToExpiry,
  effectiveHighWater,
  exposureOf,
  hasTakenPartial,
  hoursHeld,
  hoursToExpiry,
  partialQuantity,
  peakPnlPercentOf,
  pnlPercent,
  pnlPercentOf,
} from './exit-math';
import { ENTRY_MS, EXPIRY_CLOSE_MS, HOUR_MS, position } from './exits.fixtures';

describe('exit math', () => {
  it('computes the section 17 pnl: 3.52 -> 5.30 is 50.57 %', () => {
    expect(pnlPercent(3.52, 5.3, 'long')).toBeCloseTo(50.568, 3);
  });

  it('sign-adjusts pnl for short positions', () => {
    expect(pnlPercent(2, 1.5, 'short')).toBeCloseTo(25);
    expect(pnlPercent(2, 3, 'short')).toBeCloseTo(-50);
  });

  it.each([null, Number.NaN, -1, Number.POSITIVE_INFINITY])('gives no pnl for the unusable mark %p', (mark) => {
    expect(pnlPercent(3.52, mark, 'long')).toBeNull();
  });

  it.each([0, -2, Number.NaN])('gives no pnl for the unusable entry price %p', (entry) => {
    expect(pnlPercent(entry, 1, 'long')).toBeNull();
  });

  it('counts the current mark in the high-water mark and never goes below the entry', () => {
    expect(effectiveHighWater(position({ currentPrice: 4, highWaterPrice: 3.9 }))).toBe(4);
    expect(effectiveHighWater(position({ currentPrice: 3.6, highWaterPrice: 3.9 }))).toBe(3.9);
    expect(effectiveHighWater(position({ currentPrice: 3, highWaterPrice: null }))).toBe(3.52);
    expect(effectiveHighWater(position({ currentPrice: null }))).toBeNull();
  });

  it('uses the low-water mark for short positions', () => {
    const short = position({ direction: 'short', entryPrice: 2, currentPrice: 1.5, highWaterPrice: 1.2 });
    expect(effectiveHighWater(short)).toBe(1.2);
    expect(peakPnlPercentOf(short)).toBeCloseTo(40);
    expect(pnlPercentOf(short)).toBeCloseTo(25);
  });

  it('measures hours held and time to the expiry close', () => {
    const p = position();
    expect(hoursHeld(p, ENTRY_MS + 5 * HOUR_MS)).toBe(5);
    expect(hoursToExpiry(p, EXPIRY_CLOSE_MS - 3 * HOUR_MS)).toBe(3);
    expect(daysToExpiry(p, EXPIRY_CLOSE_MS - 36 * HOUR_MS)).toBe(1.5);
    expect(daysToExpiry(p, EXPIRY_CLOSE_MS + 12 * HOUR_MS)).toBe(-0.5);
  });

  it.each([
    [9, 0.5, 5],
    [10, 0.5, 5],
    [3, 0.1, 1],
    [1, 0.5, 1],
    [4, 1.5, 4],
  ])('closes max(1, round(%p x %p)) = %p contracts on a partial', (quantity, fraction, expected) => {
    expect(partialQuantity(quantity, fraction)).toBe(expected);
  });

  it.each<['call' | 'put', 'long' | 'short', 'bullish' | 'bearish']>([
    ['call', 'long', 'bullish'],
    ['put', 'short', 'bullish'],
    ['put', 'long', 'bearish'],
    ['call', 'short', 'bearish'],
  ])('maps a %s %s to %s exposure', (optionType, direction, exposure) => {
    expect(exposureOf(position({ optionType, direction }))).toBe(exposure);
  });

  it('knows which partials were taken', () => {
    expect(hasTakenPartial(position(), 'first_target_partial')).toBe(false);
    expect(hasTakenPartial(position({ takenPartials: ['first_target_partial'] }), 'first_target_partial')).toBe(true);
  });
});
