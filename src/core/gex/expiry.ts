const MS_PER_HOUR = 3_600_000;
const CLOSE_HOUR_NY = 16;

const newYorkHour = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/New_York',
  hour: '2-digit',
  hourCycle: 'h23',
});

/**
 * 16:00 America/New_York on a YYYY-MM-DD date, as an instant: 21:00 UTC in winter (EST), 20:00 UTC in summer (EDT).
 * Invalid dates give an invalid Date (NaN time), which callers treat as unreadable.
 */
export function newYorkCloseInstant(expiration: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(expiration);
  if (!match) {
    return new Date(Number.NaN);
  }
  const estGuess = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), CLOSE_HOUR_NY + 5, 0, 0);
  if (Number.isNaN(estGuess)) {
    return new Date(Number.NaN);
  }
  const hour = Number(newYorkHour.format(new Date(estGuess)));
  return new Date(estGuess - (hour - CLOSE_HOUR_NY) * MS_PER_HOUR);
}
