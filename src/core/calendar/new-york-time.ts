import { DateTime } from 'luxon';
import { parseIsoDate } from './iso-date';

export const NEW_YORK = 'America/New_York';

/** The instant of a wall-clock time in New York on `date`; luxon applies the offset in force that day (EST/EDT). */
export function nyInstant(date: string, hour: number, minute = 0): Date {
  const { year, month, day } = parseIsoDate(date);
  return DateTime.fromObject({ year, month, day, hour, minute }, { zone: NEW_YORK }).toJSDate();
}

/** 'YYYY-MM-DD' of an instant in New York. */
export function nyDate(now: Date): string {
  const local = DateTime.fromJSDate(now, { zone: NEW_YORK });
  if (!local.isValid) {
    throw new RangeError('invalid instant');
  }
  return local.toISODate();
}
