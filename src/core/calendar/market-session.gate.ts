import { DateTime } from 'luxon';
import { CalendarOptions, MarketSession } from './calendar.types';
import { isWeekend } from './iso-date';
import { NEW_YORK, nyDate } from './new-york-time';
import { marketSessionAt, nextClose, nextOpen } from './sessions';
import { holidayName } from './trading-days';

export type SessionType = 'RTH' | 'PRE' | 'POST' | 'CLOSED';

export type MarketSessionReason =
  | 'regular_session'
  | 'premarket_allowed'
  | 'premarket_not_allowed'
  | 'afterhours_allowed'
  | 'afterhours_not_allowed'
  | 'holiday'
  | 'weekend'
  | 'outside_sessions';

/** ALLOW_PREMARKET, ALLOW_AFTERHOURS and MARKET_CLOSE_GRACE_MINUTES; the spec's defaults when absent. */
export interface MarketSessionPolicy {
  allowPremarket?: boolean;
  allowAfterhours?: boolean;
  graceMinutes?: number;
}

export interface MarketSessionEvaluation {
  /** Whether a signal may trade now under the policy. */
  isOpen: boolean;
  sessionType: SessionType;
  session: MarketSession;
  reason: MarketSessionReason;
  detail: string;
  /** Minutes left in the regular session (fractional); null outside it. */
  minutesToClose: number | null;
  /** In the regular session and no more than `graceMinutes` before its close: still accepted, but closing. */
  withinGrace: boolean;
  nextOpen: Date;
  nextClose: Date;
}

export const DEFAULT_MARKET_CLOSE_GRACE_MINUTES = 10;

const SESSION_TYPE: Record<MarketSession, SessionType> = {
  premarket: 'PRE',
  regular: 'RTH',
  afterhours: 'POST',
  closed: 'CLOSED',
};

/**
 * The spec's evaluateMarketSession (section 8). Pre-market and after-hours count as open only when allowed. The grace
 * window does not close the gate: MARKET_CLOSE_GRACE_MINUTES are the "minutes before close to still accept", so a
 * signal inside them is accepted and flagged `withinGrace` for the caller to act on (e.g. skip slow work). There is
 * no grace after the close.
 */
export function evaluateMarketSession(
  now: Date,
  policy: MarketSessionPolicy = {},
  options: CalendarOptions = {},
): MarketSessionEvaluation {
  const graceMinutes = policy.graceMinutes ?? DEFAULT_MARKET_CLOSE_GRACE_MINUTES;
  if (!Number.isFinite(graceMinutes) || graceMinutes < 0) {
    throw new RangeError(`graceMinutes must be a non-negative number, got ${graceMinutes}`);
  }
  const session = marketSessionAt(now, options);
  const next = { nextOpen: nextOpen(now, options), nextClose: nextClose(now, options) };
  const base = { sessionType: SESSION_TYPE[session], session, minutesToClose: null, withinGrace: false, ...next };
  switch (session) {
    case 'regular': {
      const minutesToClose = (next.nextClose.getTime() - now.getTime()) / 60_000;
      const withinGrace = minutesToClose <= graceMinutes;
      const closesAt = clockTime(next.nextClose);
      const detail = withinGrace
        ? `regular session, ${formatMinutes(minutesToClose)} min to the ${closesAt} ET close (within the ${graceMinutes} min grace)`
        : `regular session until ${closesAt} ET`;
      return { ...base, isOpen: true, reason: 'regular_session', detail, minutesToClose, withinGrace };
    }
    case 'premarket': {
      const allowed = policy.allowPremarket ?? false;
      return {
        ...base,
        isOpen: allowed,
        reason: allowed ? 'premarket_allowed' : 'premarket_not_allowed',
        detail: `pre-market until ${clockTime(next.nextOpen)} ET${allowed ? '' : ', not allowed (ALLOW_PREMARKET)'}`,
      };
    }
    case 'afterhours': {
      const allowed = policy.allowAfterhours ?? false;
      return {
        ...base,
        isOpen: allowed,
        reason: allowed ? 'afterhours_allowed' : 'afterhours_not_allowed',
        detail: `after-hours${allowed ? '' : ', not allowed (ALLOW_AFTERHOURS)'}`,
      };
    }
    case 'closed':
      return { ...base, isOpen: false, ...closedReason(now, next.nextOpen, options) };
  }
}

function closedReason(
  now: Date,
  opensAt: Date,
  options: CalendarOptions,
): { reason: MarketSessionReason; detail: string } {
  const date = nyDate(now);
  const holiday = holidayName(date, options);
  const opens = `next open ${DateTime.fromJSDate(opensAt, { zone: NEW_YORK }).toFormat("yyyy-MM-dd HH:mm 'ET'")}`;
  if (holiday) {
    return { reason: 'holiday', detail: `${holiday}; ${opens}` };
  }
  if (isWeekend(date)) {
    return { reason: 'weekend', detail: `weekend; ${opens}` };
  }
  return { reason: 'outside_sessions', detail: `outside the 04:00-20:00 ET sessions; ${opens}` };
}

function clockTime(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: NEW_YORK }).toFormat('HH:mm');
}

function formatMinutes(minutes: number): string {
  return Number.isInteger(minutes) ? String(minutes) : minutes.toFixed(1);
}
