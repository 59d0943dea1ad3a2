import fc from 'fast-check';
import { DateTime } from 'luxon';

import { addDays } from './iso-date';
import { NEW_YORK, nyDate } from './new-york-time';
import { nextClose, nextOpen, tradingDay } from './sessions';
import { isTradingDay } from './trading-days';

const FROM = Date.parse('2025-01-01T00:00:00Z');
const TO = Date.parse('2029-01-01T00:00:00Z');

const instants = fc.integer({ min: FROM, max: TO }).map((ms) => new Date(ms));

describe('nextOpen / nextClose properties (2025-2028)', () => {
  it('nextOpen is after now, a trading day at 09:30 ET, with no trading-day open in between', () => {
    fc.assert(
      fc.property(instants, (now) => {
        const open = nextOpen(now);
        expect(open.getTime()).toBeGreaterThan(now.getTime());
        const local = DateTime.fromJSDate(open, { zone: NEW_YORK });
        expect(local.toFormat('HH:mm')).toBe('09:30');
        expect(isTradingDay(nyDate(open))).toBe(true);
        for (let date = nyDate(now); date < nyDate(open); date = addDays(date, 1)) {
          const day = tradingDay(date);
          expect(day === null || day.open.getTime() <= now.getTime()).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('nextClose is after now and is the close of a trading day', () => {
    fc.assert(
      fc.property(instants, (now) => {
        const close = nextClose(now);
        expect(close.getTime()).toBeGreaterThan(now.getTime());
        expect(tradingDay(nyDate(close))?.close.getTime()).toBe(close.getTime());
      }),
      { numRuns: 300 },
    );
  });
});
