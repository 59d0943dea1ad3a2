import { daysToExpiration, tradingDaysToExpiration } from './days-to-expiration';

describe('days to expiration', () => {
  it('counts calendar days from the New York date', () => {
    expect(daysToExpiration(new Date('2026-04-02T14:30:00Z'), '2026-04-10')).toBe(8);
    expect(daysToExpiration(new Date('2026-04-03T01:00:00Z'), '2026-04-10')).toBe(8);
    expect(daysToExpiration(new Date('2026-04-10T19:00:00Z'), '2026-04-10')).toBe(0);
    expect(daysToExpiration(new Date('2026-04-13T14:00:00Z'), '2026-04-10')).toBe(-3);
  });

  it('counts calendar days across a DST switch without drift', () => {
    expect(daysToExpiration(new Date('2026-03-06T15:00:00Z'), '2026-03-13')).toBe(7);
  });

  it('counts trading days after today through the expiration, skipping holidays', () => {
    expect(tradingDaysToExpiration(new Date('2026-04-01T14:30:00Z'), '2026-04-10')).toBe(6);
    expect(tradingDaysToExpiration(new Date('2026-04-10T14:30:00Z'), '2026-04-10')).toBe(0);
    expect(tradingDaysToExpiration(new Date('2026-04-02T14:30:00Z'), '2026-04-06')).toBe(1);
    expect(tradingDaysToExpiration(new Date('2026-04-07T14:30:00Z'), '2026-04-02')).toBe(-2);
  });
});
