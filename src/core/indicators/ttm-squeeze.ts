import type { Candle } from '../market/market.types';
import { assertPeriod, bollinger, keltner } from './indicators';

export interface TtmSqueezeOptions {
  /** Bollinger and Keltner length and the momentum window. Default 20. */
  length?: number;
  /** Bollinger standard deviations. Default 2. */
  bollingerMultiplier?: number;
  /** Keltner ATR multiple. Default 1.5. */
  keltnerMultiplier?: number;
}

export interface TtmSqueeze {
  /** Bollinger Bands entirely inside the Keltner channel: volatility compressed. */
  squeezeOn: boolean;
  /** LazyBear momentum at the last candle: > 0 bullish, < 0 bearish. */
  momentum: number;
  /** Momentum rose since the previous candle; null when the previous value needs more candles. */
  momentumRising: boolean | null;
}

/**
 * TTM Squeeze (John Carter): squeeze on while Bollinger(20, 2) sits inside Keltner(20, 1.5). Momentum as in LazyBear's
 * TradingView script: linreg(close - avg(avg(highest(high, n), lowest(low, n)), sma(close, n)), n, 0), the
 * least-squares line over the last n bars evaluated at the last bar. Needs 2n - 1 candles.
 */
export function ttmSqueeze(candles: readonly Candle[], opts: TtmSqueezeOptions = {}): TtmSqueeze | null {
  const length = opts.length ?? 20;
  assertPeriod(length);
  const momentum = squeezeMomentum(candles, length);
  const bands = bollinger(candles, length, opts.bollingerMultiplier ?? 2);
  const channel = keltner(candles, length, opts.keltnerMultiplier ?? 1.5);
  if (momentum === null || bands === null || channel === null) {
    return null;
  }
  const previous = squeezeMomentum(candles.slice(0, -1), length);
  return {
    squeezeOn: bands.lower > channel.lower && bands.upper < channel.upper,
    momentum,
    momentumRising: previous === null ? null : momentum > previous,
  };
}

/** LazyBear's squeeze momentum at the last candle, or null with fewer than 2n - 1 candles. */
export function squeezeMomentum(candles: readonly Candle[], length: number): number | null {
  if (candles.length < 2 * length - 1) {
    return null;
  }
  const deltas: number[] = [];
  for (let end = candles.length - length; end < candles.length; end++) {
    let highest = Number.NEGATIVE_INFINITY;
    let lowest = Number.POSITIVE_INFINITY;
    let closeSum = 0;
    for (let i = end - length + 1; i <= end; i++) {
      highest = Math.max(highest, candles[i].high);
      lowest = Math.min(lowest, candles[i].low);
      closeSum += candles[i].close;
    }
    const baseline = ((highest + lowest) / 2 + closeSum / length) / 2;
    deltas.push(candles[end].close - baseline);
  }
  return linearRegressionLast(deltas);
}

/** Least-squares line through (i, values[i]), i = 0..n-1, evaluated at i = n-1 (Pine's linreg(src, n, 0)). */
export function linearRegressionLast(values: readonly number[]): number {
  const n = values.length;
  if (n === 1) {
    return values[0];
  }
  const meanX = (n - 1) / 2;
  let meanY = 0;
  for (const v of values) {
    meanY += v;
  }
  meanY /= n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (i - meanX) * (values[i] - meanY);
    sxx += (i - meanX) * (i - meanX);
  }
  const slope = sxy / sxx;
  return meanY + slope * (n - 1 - meanX);
}
