import { expirationForHold } from './expiration-for-hold';

/** 10:30 ET on a New York date (EDT in spring/summer). */
const morningOf = (date: string): Date => new Date(`${date}T14:30:00Z`);

describe('expirationForHold', () => {
  it('takes the next Friday on or after today + MAX_HOLD_DAYS: Thu 2026-04-02 + 5 → Fri 2026-04-10', () => {
    expect(expirationForHold(morningOf('2026-04-02'), 5)).toBe('2026-04-10');
  });

  it('keeps the Friday when today + MAX_HOLD_DAYS is that Friday', () => {
    expect(expirationForHold(morningOf('2026-02-13'), 7)).toBe('2026-02-20');
  });

  it('moves a Good Friday expiration to the Thursday: Thu 2026-03-26 + 5 → 2026-04-02', () => {
    expect(expirationForHold(morningOf('2026-03-26'), 5)).toBe('2026-04-02');
  });

  it('moves a Juneteenth Friday expiration to the Thursday: 2026-06-11 + 5 → 2026-06-18', () => {
    expect(expirationForHold(morningOf('2026-06-11'), 5)).toBe('2026-06-18');
  });

  it('moves further back when the Thursday is closed too', () => {
    const options = { extraClosures: ['2026-04-02'] };
    expect(expirationForHold(morningOf('2026-03-26'), 5, options)).toBe('2026-04-01');
  });

  it('uses the New York date: 21:00 ET Thursday is still Thursday although UTC says Friday', () => {
    expect(expirationForHold(new Date('2026-04-03T01:00:00Z'), 5)).toBe('2026-04-10');
  });

  it('never returns a day before today: a closed Friday with MAX_HOLD_DAYS 0 rolls to the next week', () => {
    expect(expirationForHold(morningOf('2026-04-03'), 0)).toBe('2026-04-10');
  });

  it('refuses a negative or fractional MAX_HOLD_DAYS', () => {
    expect(() => expirationForHold(morningOf('2026-04-02'), -1)).toThrow(RangeError);
    expect(() => expirationForHold(morningOf('2026-04-02'), 1.5)).toThrow(RangeError);
  });
});
