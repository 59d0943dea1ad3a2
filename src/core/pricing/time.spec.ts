import { MS_PER_YEAR, timeToExpiryYears } from './time';

describe('timeToExpiryYears', () => {
  const now = new Date('2026-02-19T21:00:00Z');

  it('is the millisecond difference over a 365-day year', () => {
    expect(timeToExpiryYears(now, new Date('2026-02-20T21:00:00Z'))).toBe(1 / 365);
    expect(timeToExpiryYears(new Date('2026-01-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z'))).toBe(1);
    expect(MS_PER_YEAR).toBe(31_536_000_000);
  });

  it('counts a same-day hour as 1/8760 of a year', () => {
    expect(timeToExpiryYears(now, new Date('2026-02-19T22:00:00Z'))).toBeCloseTo(1 / 8760, 15);
  });

  it('is 0 at and after expiry', () => {
    expect(timeToExpiryYears(now, now)).toBe(0);
    expect(timeToExpiryYears(now, new Date('2026-02-19T20:59:59Z'))).toBe(0);
  });

  it('throws a RangeError for an invalid Date', () => {
    expect(() => timeToExpiryYears(now, new Date('not a date'))).toThrow(RangeError);
  });
});
