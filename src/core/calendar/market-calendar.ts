import { CalendarOptions, MarketSession, TradingDaySession } from './calendar.types';
import { parseIsoDate } from './iso-date';
import { evaluateMarketSession, MarketSessionEvaluation, MarketSessionPolicy } from './market-session.gate';
import { isOptionsSessionOpen, optionsSessionClose } from './options-session';
import { marketSessionAt, nextClose, nextOpen, tradingDay, tradingDays } from './sessions';
import { earlyCloseName, holidayName, isTradingDay, nextTradingDay, previousTradingDay } from './trading-days';

/** The calendar functions with the configured closures bound in, for injection. */
export interface MarketCalendar {
  readonly options: CalendarOptions;
  isTradingDay(date: string): boolean;
  holidayName(date: string): string | null;
  earlyCloseName(date: string): string | null;
  nextTradingDay(date: string): string;
  previousTradingDay(date: string): string;
  tradingDay(date: string): TradingDaySession | null;
  tradingDays(start: string, end: string): TradingDaySession[];
  marketSessionAt(now: Date): MarketSession;
  nextOpen(now: Date): Date;
  nextClose(now: Date): Date;
  optionsSessionClose(underlying: string, date: string): Date | null;
  isOptionsSessionOpen(underlying: string, now: Date): boolean;
  evaluateMarketSession(now: Date, policy?: MarketSessionPolicy): MarketSessionEvaluation;
}

/** Throws RangeError when an extra closure is not a 'YYYY-MM-DD' date, so bad configuration fails at boot. */
export function createMarketCalendar(options: CalendarOptions = {}): MarketCalendar {
  const extraClosures = [...(options.extraClosures ?? [])];
  extraClosures.forEach((date) => parseIsoDate(date));
  const bound: CalendarOptions = { extraClosures };
  return {
    options: bound,
    isTradingDay: (date) => isTradingDay(date, bound),
    holidayName: (date) => holidayName(date, bound),
    earlyCloseName: (date) => earlyCloseName(date, bound),
    nextTradingDay: (date) => nextTradingDay(date, bound),
    previousTradingDay: (date) => previousTradingDay(date, bound),
    tradingDay: (date) => tradingDay(date, bound),
    tradingDays: (start, end) => tradingDays(start, end, bound),
    marketSessionAt: (now) => marketSessionAt(now, bound),
    nextOpen: (now) => nextOpen(now, bound),
    nextClose: (now) => nextClose(now, bound),
    optionsSessionClose: (underlying, date) => optionsSessionClose(underlying, date, bound),
    isOptionsSessionOpen: (underlying, now) => isOptionsSessionOpen(underlying, now, bound),
    evaluateMarketSession: (now, policy) => evaluateMarketSession(now, policy, bound),
  };
}
