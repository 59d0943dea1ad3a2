import { evaluateMarketSession } from './market-session.gate';

const at = (iso: string): Date => new Date(iso);

describe('evaluateMarketSession', () => {
  it('opens the regular session without grace at 10:30 ET', () => {
    const result = evaluateMarketSession(at('2026-02-13T15:30:00Z'));
    expect(result).toMatchObject({
      isOpen: true,
      sessionType: 'RTH',
      session: 'regular',
      reason: 'regular_session',
      minutesToClose: 330,
      withinGrace: false,
    });
    expect(result.nextClose.toISOString()).toBe('2026-02-13T21:00:00.000Z');
    expect(result.nextOpen.toISOString()).toBe('2026-02-17T14:30:00.000Z');
  });

  it('still accepts at 15:55 ET with a 10 minute grace, flagged within grace', () => {
    const result = evaluateMarketSession(at('2026-03-09T19:55:00Z'), { graceMinutes: 10 });
    expect(result).toMatchObject({ isOpen: true, sessionType: 'RTH', minutesToClose: 5, withinGrace: true });
  });

  it('is not within grace at 15:45 ET with 10 minutes, nor at 15:55 with grace disabled', () => {
    expect(evaluateMarketSession(at('2026-03-09T19:45:00Z'), { graceMinutes: 10 }).withinGrace).toBe(false);
    expect(evaluateMarketSession(at('2026-03-09T19:55:00Z'), { graceMinutes: 0 }).withinGrace).toBe(false);
  });

  it('counts grace from the 13:00 close on an early-close day (12:55 ET)', () => {
    const result = evaluateMarketSession(at('2026-11-27T17:55:00Z'), { graceMinutes: 10 });
    expect(result).toMatchObject({ isOpen: true, sessionType: 'RTH', minutesToClose: 5, withinGrace: true });
    expect(result.nextClose.toISOString()).toBe('2026-11-27T18:00:00.000Z');
  });

  it('gives no grace after the close', () => {
    const result = evaluateMarketSession(at('2026-03-09T20:02:00Z'), { graceMinutes: 10 });
    expect(result).toMatchObject({ isOpen: false, sessionType: 'POST', withinGrace: false, minutesToClose: null });
  });

  it('rejects pre-market unless allowed', () => {
    const preMarket = at('2026-03-09T12:00:00Z');
    expect(evaluateMarketSession(preMarket)).toMatchObject({
      isOpen: false,
      sessionType: 'PRE',
      reason: 'premarket_not_allowed',
    });
    expect(evaluateMarketSession(preMarket, { allowPremarket: true })).toMatchObject({
      isOpen: true,
      sessionType: 'PRE',
      reason: 'premarket_allowed',
    });
    expect(evaluateMarketSession(preMarket, { allowAfterhours: true }).isOpen).toBe(false);
  });

  it('rejects after-hours unless allowed', () => {
    const afterHours = at('2026-03-09T21:00:00Z');
    expect(evaluateMarketSession(afterHours)).toMatchObject({
      isOpen: false,
      sessionType: 'POST',
      reason: 'afterhours_not_allowed',
    });
    expect(evaluateMarketSession(afterHours, { allowAfterhours: true })).toMatchObject({
      isOpen: true,
      sessionType: 'POST',
      reason: 'afterhours_allowed',
    });
  });

  it('treats 13:00-17:00 ET as after-hours on an early-close day', () => {
    const result = evaluateMarketSession(at('2026-12-24T19:00:00Z'), { allowAfterhours: true });
    expect(result).toMatchObject({ isOpen: true, sessionType: 'POST' });
    expect(evaluateMarketSession(at('2026-12-24T22:30:00Z'), { allowAfterhours: true }).sessionType).toBe('CLOSED');
  });

  it('is closed on a holiday even with every session allowed, and names it', () => {
    const result = evaluateMarketSession(at('2026-04-03T15:00:00Z'), { allowPremarket: true, allowAfterhours: true });
    expect(result).toMatchObject({ isOpen: false, sessionType: 'CLOSED', reason: 'holiday' });
    expect(result.detail).toContain('Good Friday');
    expect(result.nextOpen.toISOString()).toBe('2026-04-06T13:30:00.000Z');
  });

  it('is closed on weekends and overnight', () => {
    expect(evaluateMarketSession(at('2026-03-07T16:00:00Z')).reason).toBe('weekend');
    expect(evaluateMarketSession(at('2026-03-10T06:00:00Z')).reason).toBe('outside_sessions');
  });

  it('honours configured closures', () => {
    const result = evaluateMarketSession(at('2026-03-11T15:00:00Z'), {}, { extraClosures: ['2026-03-11'] });
    expect(result).toMatchObject({ isOpen: false, reason: 'holiday' });
  });

  it('refuses a negative grace', () => {
    expect(() => evaluateMarketSession(at('2026-03-09T19:55:00Z'), { graceMinutes: -1 })).toThrow(RangeError);
  });
});
