import { readFileSync } from 'fs';
import { join } from 'path';

import { addDays, weekdayOf } from './iso-date';
import { earlyCloseName, holidayName, isTradingDay } from './trading-days';

interface FixtureDay {
  date: string;
  name: string;
  source: string;
}

interface Fixture {
  sources: Record<string, { title: string; url: string }>;
  years: Record<string, { closures: FixtureDay[]; earlyCloses: FixtureDay[] }>;
}

const fixture = JSON.parse(
  readFileSync(join(__dirname, '../../../test/fixtures/calendar/nyse-2025-2027.json'), 'utf8'),
) as Fixture;

function datesOf(year: string): string[] {
  const dates: string[] = [];
  for (let date = `${year}-01-01`; date <= `${year}-12-31`; date = addDays(date, 1)) {
    dates.push(date);
  }
  return dates;
}

describe('NYSE calendar against the published 2025-2027 lists (test/fixtures/calendar)', () => {
  it('cites a known source for every listed day', () => {
    for (const { closures, earlyCloses } of Object.values(fixture.years)) {
      for (const day of [...closures, ...earlyCloses]) {
        expect(fixture.sources[day.source]).toBeDefined();
      }
    }
  });

  describe.each(Object.keys(fixture.years))('%s', (year) => {
    const { closures, earlyCloses } = fixture.years[year];

    it('closes on exactly the published weekdays, under the published names', () => {
      const computed = datesOf(year)
        .filter((date) => weekdayOf(date) !== 0 && weekdayOf(date) !== 6 && !isTradingDay(date))
        .map((date) => ({ date, name: holidayName(date) }));
      expect(computed).toEqual(closures.map(({ date, name }) => ({ date, name })));
    });

    it('closes early on exactly the published days', () => {
      const computed = datesOf(year)
        .filter((date) => earlyCloseName(date) !== null)
        .map((date) => ({ date, name: earlyCloseName(date) }));
      expect(computed).toEqual(earlyCloses.map(({ date, name }) => ({ date, name })));
    });
  });
});
