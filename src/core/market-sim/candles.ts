import { nyDate, previousTradingDay, tradingDayOnOrBefore } from '../calendar';
import type { Candle, CandleTimeframe } from '../market/market.types';
import { SessionPath, sessionPath } from './price-path';

/** Intraday bar lengths in minutes; '1d' is the whole regular session. */
export const TIMEFRAME_MINUTES: Readonly<Record<CandleTimeframe, number>> = {
  '1m': 1,
  '5m': 5,
  '15m': 15,
  '30m': 30,
  '1h': 60,
  '4h': 240,
  '1d': 390,
};

export const MAX_CANDLES = 5000;

const MINUTE_MS = 60_000;

/** Aggregates minutes [from, to) of a session into one bar. */
export function aggregateMinutes(session: SessionPath, from: number, to: number): Candle {
  let high = -Infinity;
  let low = Infinity;
  let volume = 0;
  for (let i = from; i < to; i++) {
    high = Math.max(high, session.high[i]);
    low = Math.min(low, session.low[i]);
    volume += session.volume[i];
  }
  return {
    time: new Date(session.openMs + from * MINUTE_MS),
    open: session.open[from],
    high,
    low,
    close: session.close[to - 1],
    volume,
  };
}

/**
 * The bars of one session, aligned on the 09:30 open (a 1h bar is 09:30-10:30, the last one ends at the close and
 * may be shorter), each with its end instant.
 */
export function sessionBars(session: SessionPath, timeframe: CandleTimeframe): { candle: Candle; endMs: number }[] {
  if (timeframe === '1d') {
    return [{ candle: aggregateMinutes(session, 0, session.minutes), endMs: session.closeMs }];
  }
  const step = TIMEFRAME_MINUTES[timeframe];
  const bars: { candle: Candle; endMs: number }[] = [];
  for (let from = 0; from < session.minutes; from += step) {
    const to = Math.min(from + step, session.minutes);
    bars.push({ candle: aggregateMinutes(session, from, to), endMs: session.openMs + to * MINUTE_MS });
  }
  return bars;
}

/**
 * The most recent `limit` completed bars at `now` (a bar in progress is left out), oldest first. Intraday bars exist
 * only in regular sessions; every bar is the aggregate of its minutes, so a 5m bar's OHLCV matches its five 1m bars.
 */
export function simCandles(
  symbol: string,
  timeframe: CandleTimeframe,
  limit: number,
  now: Date,
  seed: number,
): Candle[] {
  const wanted = Math.max(0, Math.min(Math.floor(limit), MAX_CANDLES));
  const collected: Candle[][] = [];
  let count = 0;
  let date = tradingDayOnOrBefore(nyDate(now));
  const t = now.getTime();
  while (count < wanted) {
    const session = sessionPath(symbol, date, seed);
    if (!session) {
      break;
    }
    const bars = sessionBars(session, timeframe)
      .filter((bar) => bar.endMs <= t)
      .map((bar) => bar.candle);
    const take = bars.slice(Math.max(0, bars.length - (wanted - count)));
    collected.push(take);
    count += take.length;
    date = previousTradingDay(date);
  }
  return collected.reverse().flat();
}
