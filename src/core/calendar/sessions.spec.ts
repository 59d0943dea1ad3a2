import { nyDate } from './new-york-time';
import { marketSessionAt, nextClose, nextOpen, tradingDay, tradingDays } from './sessions';

const at = (iso: string): Date => new Date(iso);

describe('trading sessions in New York time', () => {
  it('opens at 13:30Z on the Monday after the March 2026 switch to EDT, 14:30Z the Friday before', () => {
    expect(tradingDay('2026-03-06')?.open.toISOString()).toBe('2026-03-06T14:30:00.000Z');
    expect(tradingDay('2026-03-09')?.open.toISOString()).toBe('2026-03-09T13:30:00.000Z');
    expect(tradingDay('2026-03-09')?.close.toISOString()).toBe('2026-03-09T20:00:00.000Z');
  });

  it('opens at 14:30Z on the Monday after the November 2026 switch back to EST', () => {
    expect(tradingDay('2026-10-30')?.open.toISOString()).toBe('2026-10-30T13:30:00.000Z');
    expect(tradingDay('2026-11-02')?.open.toISOString()).toBe('2026-11-02T14:30:00.000Z');
    expect(tradingDay('2026-11-02')?.afterhoursClose.toISOString()).toBe('2026-11-03T01:00:00.000Z');
  });

  it('reads a Sunday-night New York instant (already Monday in UTC) as closed Sunday', () => {
    const sundayNight = at('2026-03-09T02:00:00Z');
    expect(nyDate(sundayNight)).toBe('2026-03-08');
    expect(marketSessionAt(sundayNight)).toBe('closed');
    expect(nextOpen(sundayNight).toISOString()).toBe('2026-03-09T13:30:00.000Z');
    expect(nextClose(sundayNight).toISOString()).toBe('2026-03-09T20:00:00.000Z');
  });

  it.each([
    ['2026-03-09T07:59:59Z', 'closed'],
    ['2026-03-09T08:00:00Z', 'premarket'],
    ['2026-03-09T13:29:59Z', 'premarket'],
    ['2026-03-09T13:30:00Z', 'regular'],
    ['2026-03-09T19:59:59Z', 'regular'],
    ['2026-03-09T20:00:00Z', 'afterhours'],
    ['2026-03-10T00:00:00Z', 'closed'],
  ])('puts %s (2026-03-09, EDT) in the %s session', (iso, session) => {
    expect(marketSessionAt(at(iso))).toBe(session);
  });

  it('ends the regular session at 13:00 and after-hours at 17:00 on an early-close day', () => {
    const day = tradingDay('2026-11-27');
    expect(day).toMatchObject({ earlyClose: true, earlyCloseName: 'Day after Thanksgiving' });
    expect(day?.close.toISOString()).toBe('2026-11-27T18:00:00.000Z');
    expect(day?.afterhoursClose.toISOString()).toBe('2026-11-27T22:00:00.000Z');
    expect(marketSessionAt(at('2026-11-27T18:30:00Z'))).toBe('afterhours');
    expect(marketSessionAt(at('2026-11-27T22:00:00Z'))).toBe('closed');
  });

  it('is closed all day on a holiday', () => {
    expect(tradingDay('2026-04-03')).toBeNull();
    expect(marketSessionAt(at('2026-04-03T15:00:00Z'))).toBe('closed');
  });

  it('finds the next open over the Good Friday weekend: Friday 2026-04-03 → Monday 09:30 ET', () => {
    expect(nextOpen(at('2026-04-02T21:00:00Z')).toISOString()).toBe('2026-04-06T13:30:00.000Z');
    expect(nextOpen(at('2026-04-03T15:00:00Z')).toISOString()).toBe('2026-04-06T13:30:00.000Z');
  });

  it("gives today's close while the session is on and the next day's once it is over", () => {
    expect(nextClose(at('2026-04-02T15:00:00Z')).toISOString()).toBe('2026-04-02T20:00:00.000Z');
    expect(nextClose(at('2026-04-02T20:00:00Z')).toISOString()).toBe('2026-04-06T20:00:00.000Z');
    expect(nextOpen(at('2026-04-02T13:30:00Z')).toISOString()).toBe('2026-04-06T13:30:00.000Z');
  });

  it('lists the trading days of a range, both ends included', () => {
    const days = tradingDays('2026-04-02', '2026-04-07');
    expect(days.map((day) => day.date)).toEqual(['2026-04-02', '2026-04-06', '2026-04-07']);
    expect(tradingDays('2026-12-23', '2026-12-28').map((day) => [day.date, day.earlyClose])).toEqual([
      ['2026-12-23', false],
      ['2026-12-24', true],
      ['2026-12-28', false],
    ]);
  });
});
