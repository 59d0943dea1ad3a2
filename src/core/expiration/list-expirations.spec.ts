import { hasDailyExpirations } from './daily-expirations';
import { isExpirationDate, listExpirations } from './list-expirations';

describe('listExpirations', () => {
  it('lists every trading day for the daily underlyings', () => {
    expect(hasDailyExpirations('spy')).toBe(true);
    expect(hasDailyExpirations('SPXW')).toBe(true);
    expect(hasDailyExpirations('AAPL')).toBe(false);
    expect(listExpirations('SPY', '2026-04-01', 4)).toEqual(['2026-04-01', '2026-04-02', '2026-04-06', '2026-04-07']);
  });

  it('starts daily lists at the next trading day when the start is closed', () => {
    expect(listExpirations('QQQ', '2026-04-03', 2)).toEqual(['2026-04-06', '2026-04-07']);
    expect(listExpirations('IWM', '2026-12-23', '2026-12-28')).toEqual(['2026-12-23', '2026-12-24', '2026-12-28']);
  });

  it('lists Fridays for other underlyings, a closed Friday moved to the Thursday', () => {
    expect(listExpirations('AAPL', '2026-03-25', 4)).toEqual(['2026-03-27', '2026-04-02', '2026-04-10', '2026-04-17']);
    expect(listExpirations('TSLA', '2026-06-15', '2026-06-30')).toEqual(['2026-06-18', '2026-06-26']);
  });

  it('skips a moved weekly expiration that falls before the start date', () => {
    expect(listExpirations('AAPL', '2026-04-03', 1)).toEqual(['2026-04-10']);
  });

  it('moves a Good Friday monthly (third Friday of April 2025) to the Thursday', () => {
    expect(listExpirations('MSFT', '2025-04-14', 1)).toEqual(['2025-04-17']);
  });

  it('returns nothing for a count of 0 or an end before the start', () => {
    expect(listExpirations('AAPL', '2026-04-01', 0)).toEqual([]);
    expect(listExpirations('AAPL', '2026-04-01', '2026-03-01')).toEqual([]);
    expect(listExpirations('SPY', '2026-04-01', '2026-03-01')).toEqual([]);
  });

  it('recognises expiration dates under the same rules', () => {
    expect(isExpirationDate('AAPL', '2026-04-02')).toBe(true);
    expect(isExpirationDate('AAPL', '2026-04-01')).toBe(false);
    expect(isExpirationDate('SPY', '2026-04-01')).toBe(true);
    expect(isExpirationDate('SPY', '2026-04-03')).toBe(false);
  });
});
