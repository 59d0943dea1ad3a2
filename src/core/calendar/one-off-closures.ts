/**
 * Unscheduled full-day NYSE closures since 2001 (national days of mourning, emergencies). Future ones come in through
 * `CalendarOptions.extraClosures`, wired to configuration, until a release adds them here.
 */
export const NYSE_ONE_OFF_CLOSURES: ReadonlyMap<string, string> = new Map([
  ['2001-09-11', 'September 11 attacks'],
  ['2001-09-12', 'September 11 attacks'],
  ['2001-09-13', 'September 11 attacks'],
  ['2001-09-14', 'September 11 attacks'],
  ['2004-06-11', 'National Day of Mourning (President Reagan)'],
  ['2007-01-02', 'National Day of Mourning (President Ford)'],
  ['2012-10-29', 'Hurricane Sandy'],
  ['2012-10-30', 'Hurricane Sandy'],
  ['2018-12-05', 'National Day of Mourning (President George H. W. Bush)'],
  ['2025-01-09', 'National Day of Mourning (President Carter)'],
]);

export const EXTRA_CLOSURE_NAME = 'Exchange closure (configured)';

/**
 * Years where NYSE departed from the early-close rule: 1:00 pm closes on the day after a holiday, and a July 3 that
 * traded the full day (2002 closed early on July 5 instead). Null means a full day despite the rule.
 */
export const NYSE_EARLY_CLOSE_EXCEPTIONS: ReadonlyMap<string, string | null> = new Map([
  ['2002-07-03', null],
  ['2002-07-05', 'Day after Independence Day'],
  ['2003-12-26', 'Day after Christmas'],
]);
