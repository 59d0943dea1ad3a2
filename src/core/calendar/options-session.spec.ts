import { isOptionsSessionOpen, optionsSessionClose } from './options-session';

describe('options session', () => {
  it('runs index and broad-ETF options to 16:15 ET and single-stock options to 16:00 ET', () => {
    expect(optionsSessionClose('SPY', '2026-03-09')?.toISOString()).toBe('2026-03-09T20:15:00.000Z');
    expect(optionsSessionClose('$spx', '2026-01-05')?.toISOString()).toBe('2026-01-05T21:15:00.000Z');
    expect(optionsSessionClose('AAPL', '2026-03-09')?.toISOString()).toBe('2026-03-09T20:00:00.000Z');
  });

  it('closes at 13:15 ET (index/ETF) and 13:00 ET (stocks) on early-close days', () => {
    expect(optionsSessionClose('QQQ', '2026-12-24')?.toISOString()).toBe('2026-12-24T18:15:00.000Z');
    expect(optionsSessionClose('TSLA', '2026-12-24')?.toISOString()).toBe('2026-12-24T18:00:00.000Z');
  });

  it('has no session on a holiday', () => {
    expect(optionsSessionClose('SPY', '2026-04-03')).toBeNull();
    expect(isOptionsSessionOpen('SPY', new Date('2026-04-03T15:00:00Z'))).toBe(false);
  });

  it('fills SPY at 16:10 ET but not AAPL', () => {
    const tenPastFour = new Date('2026-03-09T20:10:00Z');
    expect(isOptionsSessionOpen('SPY', tenPastFour)).toBe(true);
    expect(isOptionsSessionOpen('AAPL', tenPastFour)).toBe(false);
    expect(isOptionsSessionOpen('SPY', new Date('2026-03-09T20:15:00Z'))).toBe(false);
    expect(isOptionsSessionOpen('SPY', new Date('2026-03-09T13:29:00Z'))).toBe(false);
  });
});
