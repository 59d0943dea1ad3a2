import { atmListedStrike, atmStrike, strikeIncrementFor } from './atm-strike';
import { DEFAULT_STRIKE_CONFIG } from './strike.config';

describe('atmStrike (the spec rule: calls ceil, puts floor)', () => {
  it.each([
    [595.42, 'call', 1, 596],
    [595.42, 'put', 1, 595],
    [596, 'call', 1, 596],
    [596, 'put', 1, 596],
    [595.0000000001, 'call', 1, 595],
    [6012.3, 'call', 5, 6015],
    [6012.3, 'put', 5, 6010],
    [6015, 'put', 5, 6015],
    [101.2, 'call', 2.5, 102.5],
    [101.2, 'put', 2.5, 100],
    [13.37, 'call', 0.5, 13.5],
  ] as const)('spot %p %s with spacing %p -> %p', (spot, type, increment, expected) => {
    expect(atmStrike(spot, type, increment)).toBe(expected);
  });
});

describe('strikeIncrementFor', () => {
  it('uses 5 for SPX, whatever the case, and 1 for the rest', () => {
    expect(strikeIncrementFor('spx', DEFAULT_STRIKE_CONFIG)).toBe(5);
    expect(strikeIncrementFor('SPY', DEFAULT_STRIKE_CONFIG)).toBe(1);
  });
});

describe('atmListedStrike', () => {
  const strikes = [97.5, 100, 102.5, 105];

  it('takes the first listed strike at or above spot for calls and at or below for puts', () => {
    expect(atmListedStrike(101.2, 'call', strikes)).toBe(102.5);
    expect(atmListedStrike(101.2, 'put', strikes)).toBe(100);
    expect(atmListedStrike(100, 'call', strikes)).toBe(100);
  });

  it('returns null when every strike is on the wrong side', () => {
    expect(atmListedStrike(110, 'call', strikes)).toBeNull();
    expect(atmListedStrike(90, 'put', strikes)).toBeNull();
  });
});
