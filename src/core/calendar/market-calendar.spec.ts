import { createMarketCalendar } from './market-calendar';

describe('createMarketCalendar', () => {
  it('binds configured closures into every function', () => {
    const calendar = createMarketCalendar({ extraClosures: ['2026-03-11'] });
    expect(calendar.isTradingDay('2026-03-11')).toBe(false);
    expect(calendar.tradingDay('2026-03-11')).toBeNull();
    expect(calendar.nextOpen(new Date('2026-03-10T21:00:00Z')).toISOString()).toBe('2026-03-12T13:30:00.000Z');
    expect(calendar.evaluateMarketSession(new Date('2026-03-11T15:00:00Z')).reason).toBe('holiday');
  });

  it('refuses a malformed extra closure at creation', () => {
    expect(() => createMarketCalendar({ extraClosures: ['2026-3-11'] })).toThrow(RangeError);
  });
});
