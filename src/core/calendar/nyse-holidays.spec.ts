import { easterSunday } from './easter';
import { earlyCloseName, holidayName, isTradingDay, nextTradingDay, previousTradingDay } from './trading-days';

describe('NYSE holiday rules', () => {
  it.each([
    [2000, '2000-04-23'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
  ])('computes Easter %i as %s', (year, easter) => {
    expect(easterSunday(year)).toBe(easter);
  });

  it('does not observe a Saturday New Year on the Friday before (2022-01-01)', () => {
    expect(isTradingDay('2021-12-31')).toBe(true);
    expect(holidayName('2021-12-31')).toBeNull();
    expect(isTradingDay('2022-01-03')).toBe(true);
    expect(isTradingDay('2027-12-31')).toBe(true);
  });

  it('observes a Saturday Christmas on Friday December 24 (2021)', () => {
    expect(isTradingDay('2021-12-24')).toBe(false);
    expect(holidayName('2021-12-24')).toBe('Christmas Day (observed)');
    expect(earlyCloseName('2021-12-24')).toBeNull();
    expect(earlyCloseName('2021-12-23')).toBeNull();
  });

  it('observes a Saturday July 4 on Friday July 3, without an early close that week (2026)', () => {
    expect(holidayName('2026-07-03')).toBe('Independence Day (observed)');
    expect(earlyCloseName('2026-07-02')).toBeNull();
  });

  it('observes a Sunday holiday on the Monday after', () => {
    expect(holidayName('2027-07-05')).toBe('Independence Day (observed)');
    expect(holidayName('2022-06-20')).toBe('Juneteenth National Independence Day (observed)');
    expect(holidayName('2023-01-02')).toBe("New Year's Day (observed)");
    expect(holidayName('2022-12-26')).toBe('Christmas Day (observed)');
  });

  it('adds no early close on the Friday before a Monday-observed July 4 (2027-07-02, 2022-07-01)', () => {
    expect(earlyCloseName('2027-07-02')).toBeNull();
    expect(earlyCloseName('2022-07-01')).toBeNull();
  });

  it('closes early on a Monday July 3 before a Tuesday July 4 (2023, 2028)', () => {
    expect(earlyCloseName('2023-07-03')).toBe('Independence Day eve');
    expect(earlyCloseName('2028-07-03')).toBe('Independence Day eve');
  });

  it('has no Juneteenth before 2022', () => {
    expect(isTradingDay('2021-06-18')).toBe(true);
    expect(isTradingDay('2020-06-19')).toBe(true);
  });

  it.each([
    ['2001-09-11'],
    ['2001-09-14'],
    ['2004-06-11'],
    ['2007-01-02'],
    ['2012-10-29'],
    ['2012-10-30'],
    ['2018-12-05'],
    ['2025-01-09'],
  ])('stays closed on the one-off closure %s', (date) => {
    expect(isTradingDay(date)).toBe(false);
    expect(holidayName(date)).not.toBeNull();
  });

  it('closes on configured extra dates', () => {
    const options = { extraClosures: ['2026-03-11'] };
    expect(isTradingDay('2026-03-11')).toBe(true);
    expect(isTradingDay('2026-03-11', options)).toBe(false);
    expect(holidayName('2026-03-11', options)).toBe('Exchange closure (configured)');
    expect(nextTradingDay('2026-03-10', options)).toBe('2026-03-12');
  });

  it('does not early-close a configured closure', () => {
    expect(earlyCloseName('2026-11-27', { extraClosures: ['2026-11-27'] })).toBeNull();
  });

  it('names nothing on weekends and refuses malformed dates', () => {
    expect(holidayName('2026-07-04')).toBeNull();
    expect(isTradingDay('2026-07-04')).toBe(false);
    expect(() => isTradingDay('2026-02-30')).toThrow(RangeError);
    expect(() => isTradingDay('20260302')).toThrow(RangeError);
  });

  it('steps over a holiday weekend to the neighbouring trading days', () => {
    expect(nextTradingDay('2026-04-02')).toBe('2026-04-06');
    expect(previousTradingDay('2026-04-06')).toBe('2026-04-02');
  });
});
