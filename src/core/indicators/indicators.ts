import { ATR, EMA, RSI } from 'trading-signals';

import type { Candle } from '../market/market.types';

/**
 * Classic indicators over candles (oldest first); EMA, ATR and RSI on trading-signals 7 (plain numbers). Each returns the value at the
 * last candle, or null while there are too few candles. Seeding matches TradingView: EMA starts at the first close
 * (reported once `period` closes are in); RSI and ATR use Wilder's smoothing seeded with a simple average.
 */

export interface Bands {
  middle: number;
  upper: number;
  lower: number;
}

/** EMA of closes at every candle; null until `period` closes are in. */
export function emaSeries(candles: readonly Candle[], period: number): (number | null)[] {
  assertPeriod(period);
  const indicator = new EMA(period);
  return candles.map((candle) => {
    indicator.add(candle.close);
    return indicator.isStable ? indicator.getResultOrThrow() : null;
  });
}

export function ema(candles: readonly Candle[], period: number): number | null {
  assertPeriod(period);
  if (candles.length < period) {
    return null;
  }
  const indicator = new EMA(period);
  for (const candle of candles) {
    indicator.add(candle.close);
  }
  return indicator.getResultOrThrow();
}

/** Wilder's average true range; the first candle's true range is its high - low. Needs `period` candles. */
export function atr(candles: readonly Candle[], period = 14): number | null {
  assertPeriod(period);
  const indicator = new ATR(period);
  for (const candle of candles) {
    indicator.add(candle);
  }
  return indicator.getResult();
}

/** Wilder's RSI of closes; needs period + 1 candles. 100 when there were no losses. */
export function rsi(candles: readonly Candle[], period = 14): number | null {
  assertPeriod(period);
  const indicator = new RSI(period);
  for (const candle of candles) {
    indicator.add(candle.close);
  }
  return indicator.getResult();
}

/**
 * SMA of closes +- multiplier x population standard deviation (as TradingView's ta.bb), over the last `period` closes.
 * Computed here: trading-signals 7.4.3's BollingerBands reports only from period + 1 inputs and skips an update
 * whenever the price leaving the window is 0.
 */
export function bollinger(candles: readonly Candle[], period = 20, multiplier = 2): Bands | null {
  assertPeriod(period);
  if (candles.length < period) {
    return null;
  }
  let sum = 0;
  for (let i = candles.length - period; i < candles.length; i++) {
    sum += candles[i].close;
  }
  const middle = sum / period;
  let squares = 0;
  for (let i = candles.length - period; i < candles.length; i++) {
    const d = candles[i].close - middle;
    squares += d * d;
  }
  const deviation = Math.sqrt(squares / period) * multiplier;
  return { middle, upper: middle + deviation, lower: middle - deviation };
}

/**
 * Keltner channel: EMA(period) of closes +- multiplier x Wilder ATR(period). (TradingView's ta.kc uses an EMA of the
 * true range instead of Wilder's ATR; the two converge on steady ranges.)
 */
export function keltner(candles: readonly Candle[], period = 20, multiplier = 1.5): Bands | null {
  const middle = ema(candles, period);
  const range = atr(candles, period);
  if (middle === null || range === null) {
    return null;
  }
  return { middle, upper: middle + multiplier * range, lower: middle - multiplier * range };
}

export function assertPeriod(period: number): void {
  if (!Number.isInteger(period) || period < 1) {
    throw new RangeError(`Indicator period must be a positive integer, got ${period}`);
  }
}
