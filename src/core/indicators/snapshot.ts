import type { Candle } from '../market/market.types';
import { atr, bollinger, ema, keltner, rsi, type Bands } from './indicators';
import { openingRange, vwap, type OpeningRange } from './session';
import { ttmSqueeze, type TtmSqueeze } from './ttm-squeeze';

export interface IndicatorOptions {
  /** Start of the VWAP session; `sessionOpen`, else the first candle, when absent. */
  sessionStart?: Date;
  /** Regular-session open for the opening range (e.g. 09:30 New York as an instant). */
  sessionOpen?: Date;
  /** Opening range length. Default 15. */
  openingRangeMinutes?: 15 | 30;
}

export interface IndicatorSnapshot {
  /** Candles read (oldest first). */
  candles: number;
  lastClose: number | null;
  ema8: number | null;
  ema21: number | null;
  atr14: number | null;
  rsi14: number | null;
  /** Bollinger(20, 2). */
  bollinger: Bands | null;
  /** Keltner(20, 1.5). */
  keltner: Bands | null;
  squeeze: TtmSqueeze | null;
  vwap: number | null;
  /** Null without `sessionOpen` or without candles in the range. */
  openingRange: OpeningRange | null;
}

/** Every indicator the engines read, with null wherever the candles are too few. */
export function computeIndicators(candles: readonly Candle[], opts: IndicatorOptions = {}): IndicatorSnapshot {
  const last = candles.length > 0 ? candles[candles.length - 1] : null;
  return {
    candles: candles.length,
    lastClose: last?.close ?? null,
    ema8: ema(candles, 8),
    ema21: ema(candles, 21),
    atr14: atr(candles, 14),
    rsi14: rsi(candles, 14),
    bollinger: bollinger(candles, 20, 2),
    keltner: keltner(candles, 20, 1.5),
    squeeze: ttmSqueeze(candles),
    vwap: vwap(candles, opts.sessionStart ?? opts.sessionOpen),
    openingRange: opts.sessionOpen
      ? openingRange(candles, { sessionOpen: opts.sessionOpen, minutes: opts.openingRangeMinutes ?? 15 })
      : null,
  };
}
