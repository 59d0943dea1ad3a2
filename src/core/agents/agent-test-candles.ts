import { evaluateMarketSession, type MarketSessionEvaluation } from '../calendar';
import { computeIndicators, type IndicatorSnapshot } from '../indicators';
import { Mulberry32 } from '../market-sim/prng';
import type { Candle } from '../market/market.types';
import type { AgentContext, AgentRiskState } from './agent-context';

/**
 * Test helpers for the Engine B agent specs: deterministic 5-minute candles and an `AgentContext` builder.
 * Test support only (no production code imports it). Times are fixed instants, never the clock.
 */

/** Tuesday 2026-02-17, 09:30 ET: the regular session's open and the first test candle. */
export const TEST_SESSION_OPEN = new Date('2026-02-17T14:30:00.000Z');
/** 14:45 ET the same day: regular session, well before the close grace. */
export const TEST_NOW = new Date('2026-02-17T19:45:00.000Z');
export const BAR_MS = 5 * 60_000;

export interface CandleParts {
  open: number;
  high: number;
  low: number;
  close: number;
  volume?: number;
}

/** The i-th 5-minute candle from `start` (default: the session open). */
export function candleAt(i: number, parts: CandleParts, start: Date = TEST_SESSION_OPEN): Candle {
  return {
    time: new Date(start.getTime() + i * BAR_MS),
    open: parts.open,
    high: parts.high,
    low: parts.low,
    close: parts.close,
    volume: parts.volume ?? 1000,
  };
}

/** Candles from explicit OHLC(V) parts, 5 minutes apart from `start`. */
export function candlesOf(parts: readonly CandleParts[], start: Date = TEST_SESSION_OPEN): Candle[] {
  return parts.map((p, i) => candleAt(i, p, start));
}

export interface CloseOptions {
  /** Distance of the high above / low below the body. Default 0.05. */
  wick?: number;
  volume?: number;
  start?: Date;
}

/** A candle per close; each opens at the previous close (the first at its own close). */
export function candlesFromCloses(closes: readonly number[], opts: CloseOptions = {}): Candle[] {
  const wick = opts.wick ?? 0.05;
  return closes.map((close, i) => {
    const open = i === 0 ? close : closes[i - 1];
    return candleAt(
      i,
      { open, high: Math.max(open, close) + wick, low: Math.min(open, close) - wick, close, volume: opts.volume },
      opts.start,
    );
  });
}

/** `n` closes from `start`, moving by `step` each candle (negative: a downtrend, 0: flat). */
export function trendCandles(n: number, step: number, start = 100, opts: CloseOptions = {}): Candle[] {
  return candlesFromCloses(
    Array.from({ length: n }, (_, i) => start + i * step),
    opts,
  );
}

/** A seeded random walk (the market simulator's mulberry32): the same seed gives the same candles. */
export function randomWalkCandles(n: number, seed: number, start = 100, volatility = 0.2): Candle[] {
  const random = new Mulberry32(seed);
  const closes: number[] = [];
  let price = start;
  for (let i = 0; i < n; i++) {
    price = Math.max(1, price + volatility * random.normal());
    closes.push(Math.round(price * 100) / 100);
  }
  return candlesFromCloses(closes, { wick: volatility / 2 });
}

/** An indicator snapshot with every value null, then `values`. */
export function indicatorSnapshot(values: Partial<IndicatorSnapshot> = {}): IndicatorSnapshot {
  return {
    candles: 0,
    lastClose: null,
    ema8: null,
    ema21: null,
    atr14: null,
    rsi14: null,
    bollinger: null,
    keltner: null,
    squeeze: null,
    vwap: null,
    openingRange: null,
    ...values,
  };
}

/** The market session at `now` under the default policy (no pre-market, no after-hours, 10 min grace). */
export function sessionAt(now: Date = TEST_NOW): MarketSessionEvaluation {
  return evaluateMarketSession(now);
}

export const OK_RISK: Readonly<AgentRiskState> = Object.freeze({
  openPositions: 1,
  openPositionsForSymbol: 0,
  maxOpenPositions: 5,
  maxPositionsPerSymbol: 2,
  exposure: 1_000,
  maxExposure: 10_000,
  killSwitch: false,
});

/**
 * A long SPY signal during the regular session with nothing vetoing and no GEX or flow. Unless given, `price` is the
 * last close and `indicators` are computed from `candles` (default: 60 flat candles at 100) with the session open.
 */
export function baseContext(overrides: Partial<AgentContext> = {}): AgentContext {
  const candles = overrides.candles ?? trendCandles(60, 0);
  const last = candles.length > 0 ? candles[candles.length - 1] : null;
  return {
    symbol: 'SPY',
    direction: 'long',
    signalConfidence: 70,
    price: last?.close ?? 100,
    candles,
    indicators: computeIndicators(candles, { sessionOpen: TEST_SESSION_OPEN }),
    session: sessionAt(),
    gex: null,
    flow: null,
    risk: { ...OK_RISK },
    ...overrides,
  };
}
