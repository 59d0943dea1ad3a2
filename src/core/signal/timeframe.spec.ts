import { normalizeTimeframe } from './timeframe';

describe('normalizeTimeframe', () => {
  it('maps uppercase M to months and lowercase m to minutes', () => {
    expect(normalizeTimeframe('M')).toBe('1mo');
    expect(normalizeTimeframe('3M')).toBe('3mo');
    expect(normalizeTimeframe('12M')).toBe('12mo');
    expect(normalizeTimeframe('5m')).toBe('5m');
    expect(normalizeTimeframe('60m')).toBe('1h');
  });

  it.each([
    [5, '5m'],
    ['15', '15m'],
    [240, '4h'],
    ['90', '90m'],
    ['1440', '1d'],
    ['1S', '1s'],
    ['30S', '30s'],
    ['60S', '1m'],
    ['1H', '1h'],
    ['4H', '4h'],
    ['D', '1d'],
    ['1D', '1d'],
    ['W', '1w'],
    ['1W', '1w'],
    ['15min', '15m'],
    ['1Min', '1m'],
    ['5 minutes', '5m'],
    ['1h', '1h'],
    ['1hr', '1h'],
    ['4 hours', '4h'],
    ['1day', '1d'],
    ['daily', '1d'],
    ['weekly', '1w'],
    ['monthly', '1mo'],
    ['1mo', '1mo'],
    ['1month', '1mo'],
  ])('reads %p as %p', (input, expected) => {
    expect(normalizeTimeframe(input)).toBe(expected);
  });

  it.each([['abc'], ['0'], [0], [-5], [2.5], ['5x'], [''], [true], [null], ['1000000'], ['m5']])(
    'refuses %p',
    (input) => {
      expect(normalizeTimeframe(input)).toBeNull();
    },
  );

  it('always fits VARCHAR(10)', () => {
    expect(normalizeTimeframe('99999M')).toBe('99999mo');
    expect(normalizeTimeframe('100000M')).toBeNull();
  });
});
