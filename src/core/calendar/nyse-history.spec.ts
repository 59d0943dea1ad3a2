import { readFileSync } from 'fs';
import { join } from 'path';

import { addDays, isWeekend } from './iso-date';
import { earlyCloseName, isTradingDay } from './trading-days';

interface HistoryFixture {
  closuresFrom: string;
  earlyClosesFrom: string;
  to: string;
  closures: string[];
  earlyCloses: string[];
}

const history = JSON.parse(
  readFileSync(join(__dirname, '../../../test/fixtures/calendar/nyse-1998-2022-history.json'), 'utf8'),
) as HistoryFixture;

function datesFrom(start: string, end: string): string[] {
  const dates: string[] = [];
  for (let date = start; date <= end; date = addDays(date, 1)) {
    dates.push(date);
  }
  return dates;
}

describe('NYSE calendar against 1998-2022 history (test/fixtures/calendar)', () => {
  it('closes on exactly the historical weekday closures', () => {
    const closed = datesFrom(history.closuresFrom, history.to).filter(
      (date) => !isWeekend(date) && !isTradingDay(date),
    );
    expect(closed).toEqual(history.closures);
  });

  it('closes early on exactly the historical early-close days, 2002 and 2003 exceptions included', () => {
    const early = datesFrom(history.earlyClosesFrom, history.to).filter((date) => earlyCloseName(date) !== null);
    expect(early).toEqual(history.earlyCloses);
  });
});
