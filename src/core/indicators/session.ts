import type { Candle } from '../market/market.types';

const MS_PER_MINUTE = 60_000;

/**
 * Volume-weighted average price: sum(typical price x volume) / sum(volume), typical price (high + low + close) / 3,
 * over the candles opening at or after `sessionStart` (all candles when absent). Null without volume.
 */
export function vwap(candles: readonly Candle[], sessionStart?: Date): number | null {
  const startMs = sessionStart?.getTime() ?? Number.NEGATIVE_INFINITY;
  let priceVolume = 0;
  let volume = 0;
  for (const candle of candles) {
    if (candle.time.getTime() < startMs || !(candle.volume > 0)) {
      continue;
    }
    priceVolume += ((candle.high + candle.low + candle.close) / 3) * candle.volume;
    volume += candle.volume;
  }
  return volume > 0 ? priceVolume / volume : null;
}

export interface OpeningRangeOptions {
  sessionOpen: Date;
  minutes: 15 | 30;
}

export interface OpeningRange {
  high: number;
  low: number;
  /** A candle at or after the range's end exists: the range can no longer change. */
  complete: boolean;
}

/** High and low of the candles opening in [sessionOpen, sessionOpen + minutes); null when there are none. */
export function openingRange(candles: readonly Candle[], opts: OpeningRangeOptions): OpeningRange | null {
  const startMs = opts.sessionOpen.getTime();
  const endMs = startMs + opts.minutes * MS_PER_MINUTE;
  let high = Number.NEGATIVE_INFINITY;
  let low = Number.POSITIVE_INFINITY;
  let complete = false;
  for (const candle of candles) {
    const t = candle.time.getTime();
    if (t >= endMs) {
      complete = true;
    } else if (t >= startMs) {
      high = Math.max(high, candle.high);
      low = Math.min(low, candle.low);
    }
  }
  return high === Number.NEGATIVE_INFINITY ? null : { high, low, complete };
}
