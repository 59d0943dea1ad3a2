import { candleTimeframeOf } from './enrichment.service';

describe('candleTimeframeOf', () => {
  it.each([
    ['1m', '1m'],
    ['5m', '5m'],
    ['1h', '1h'],
    ['60m', '1h'],
    ['D', '1d'],
    ['1D', '1d'],
    ['unknown', '5m'],
    ['3m', '5m'],
    ['1W', '5m'],
  ])('%s reads candles of %s', (timeframe, expected) => {
    expect(candleTimeframeOf(timeframe)).toBe(expected);
  });
});
