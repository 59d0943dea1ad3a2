import { nyDate, previousTradingDay, tradingDay, nextTradingDay, isTradingDay } from '../calendar';
import { addDays } from '../calendar';
import { normalAt, streamFor, uniformAt } from './prng';
import { roundCents } from './rounding';
import { SymbolProfile, symbolProfile } from './symbols';

/**
 * The price path: daily closes from a seeded random walk with mild mean reversion to the symbol's base price,
 * anchored on the first trading day of 2026; inside each regular session a Brownian bridge from the open to the
 * close on a U-shaped volatility profile, one point per minute. Prices are flat outside the regular session.
 * Every piece is keyed by (seed, symbol, date, minute) so any instant is computable; results are memoized.
 */

export const ANCHOR_DATE = '2026-01-02';
/** How far from the anchor the walk is computed (either way). */
export const MAX_DAYS_FROM_ANCHOR = 366 * 30;
const MINUTE_MS = 60_000;
const MEAN_REVERSION_PER_DAY = 0.01;
/** Share of the daily variance realized inside the session (the rest is the overnight gap). */
const INTRADAY_VOL_SHARE = 0.85;
const GAP_VOL_SHARE = 0.3;

export type RegimeName = 'trend_up' | 'trend_down' | 'chop' | 'high_vol';

export interface Regime {
  name: RegimeName;
  /** Expected daily move in units of the day's volatility. */
  driftSigmas: number;
  volMultiplier: number;
  ivMultiplier: number;
  volumeMultiplier: number;
}

const REGIMES: Record<RegimeName, Regime> = {
  trend_up: { name: 'trend_up', driftSigmas: 0.6, volMultiplier: 0.85, ivMultiplier: 0.93, volumeMultiplier: 0.9 },
  trend_down: { name: 'trend_down', driftSigmas: -0.6, volMultiplier: 1.05, ivMultiplier: 1.08, volumeMultiplier: 1.1 },
  chop: { name: 'chop', driftSigmas: 0, volMultiplier: 0.7, ivMultiplier: 0.96, volumeMultiplier: 0.85 },
  high_vol: { name: 'high_vol', driftSigmas: -0.25, volMultiplier: 1.6, ivMultiplier: 1.35, volumeMultiplier: 1.6 },
};

/** The market-wide regime of a trading day (the same for every symbol): 25% up, 20% down, 40% chop, 15% high-vol. */
export function regimeOn(seed: number, date: string): Regime {
  const u = uniformAt(seed, 'REGIME', date);
  if (u < 0.25) {
    return REGIMES.trend_up;
  }
  if (u < 0.45) {
    return REGIMES.trend_down;
  }
  return u < 0.85 ? REGIMES.chop : REGIMES.high_vol;
}

/** The symbol whose walk a symbol follows (SPX follows SPY x 10) and the log of the factor. */
function pathSource(profile: SymbolProfile): { symbol: string; logFactor: number; profile: SymbolProfile } {
  if (!profile.tracks) {
    return { symbol: profile.symbol, logFactor: 0, profile };
  }
  return {
    symbol: profile.tracks.symbol,
    logFactor: Math.log(profile.tracks.factor),
    profile: symbolProfile(profile.tracks.symbol),
  };
}

// ── Daily closes ────────────────────────────────────────────────────────────────────────────────────────────────

interface CloseSeries {
  /** date -> log close. */
  closes: Map<string, number>;
  forwardEnd: string;
  backwardEnd: string;
}

const seriesCache = new Map<string, CloseSeries>();
const MAX_SERIES = 256;

function dayVol(profile: SymbolProfile, seed: number, date: string): number {
  return profile.dailyVol * regimeOn(seed, date).volMultiplier;
}

/** The log close-to-close return of `date`, given the previous log close (mean reversion pulls toward base). */
function dayReturn(profile: SymbolProfile, seed: number, date: string, referenceLogClose: number): number {
  const sigma = dayVol(profile, seed, date);
  const regime = regimeOn(seed, date);
  const zMarket = normalAt(seed, 'MARKET', 'day', date);
  const zOwn = normalAt(seed, profile.symbol, 'day', date);
  const shock = profile.beta * zMarket + Math.sqrt(1 - profile.beta * profile.beta) * zOwn;
  const reversion = -MEAN_REVERSION_PER_DAY * (referenceLogClose - Math.log(profile.basePrice));
  return sigma * (regime.driftSigmas * 0.25 + shock) - 0.5 * sigma * sigma + reversion;
}

/** Overnight gap (log) into `date`'s open: part of that day's return. */
function gapReturn(profile: SymbolProfile, seed: number, date: string): number {
  return GAP_VOL_SHARE * dayVol(profile, seed, date) * normalAt(seed, profile.symbol, 'gap', date);
}

function seriesFor(profile: SymbolProfile, seed: number): CloseSeries {
  const cacheKey = `${seed}|${profile.symbol}`;
  let series = seriesCache.get(cacheKey);
  if (!series) {
    if (seriesCache.size >= MAX_SERIES) {
      seriesCache.clear();
    }
    const anchor = isTradingDay(ANCHOR_DATE) ? ANCHOR_DATE : nextTradingDay(ANCHOR_DATE);
    series = { closes: new Map([[anchor, Math.log(profile.basePrice)]]), forwardEnd: anchor, backwardEnd: anchor };
    seriesCache.set(cacheKey, series);
  }
  return series;
}

/** Log close of a trading day of the source symbol; null beyond the computed range. */
function logCloseOf(profile: SymbolProfile, seed: number, date: string): number | null {
  const series = seriesFor(profile, seed);
  const known = series.closes.get(date);
  if (known !== undefined) {
    return known;
  }
  if (date > series.forwardEnd) {
    if (date > addDays(ANCHOR_DATE, MAX_DAYS_FROM_ANCHOR)) {
      return null;
    }
    let current = series.forwardEnd;
    let logClose = series.closes.get(current) as number;
    while (current < date) {
      const next = nextTradingDay(current);
      logClose += dayReturn(profile, seed, next, logClose);
      series.closes.set(next, logClose);
      current = next;
    }
    series.forwardEnd = current;
  } else if (date < series.backwardEnd) {
    if (date < addDays(ANCHOR_DATE, -MAX_DAYS_FROM_ANCHOR)) {
      return null;
    }
    let current = series.backwardEnd;
    let logClose = series.closes.get(current) as number;
    while (current > date) {
      // Walking back: the close before `current` is current's close minus current's return.
      logClose -= dayReturn(profile, seed, current, logClose);
      current = previousTradingDay(current);
      series.closes.set(current, logClose);
    }
    series.backwardEnd = current;
  }
  return series.closes.get(date) ?? null;
}

// ── Minute path of one session ──────────────────────────────────────────────────────────────────────────────────

/** One regular session, minute by minute: `close[i]`... of the minute starting at open + i minutes. */
export interface SessionPath {
  symbol: string;
  date: string;
  openMs: number;
  closeMs: number;
  minutes: number;
  /** Price at open + i minutes, unrounded, i = 0..minutes. */
  points: Float64Array;
  /** Minute bars, rounded to cents. */
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume: Float64Array;
}

interface LogSession {
  openMs: number;
  closeMs: number;
  minutes: number;
  logPoints: Float64Array;
  wickUp: Float64Array;
  wickDown: Float64Array;
  absShock: Float64Array;
}

const logSessionCache = new Map<string, LogSession>();
const sessionCache = new Map<string, SessionPath>();
const MAX_SESSIONS = 512;

function remember<T>(cache: Map<string, T>, cacheKey: string, value: T): T {
  if (cache.size >= MAX_SESSIONS) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) {
      cache.delete(oldest);
    }
  }
  cache.set(cacheKey, value);
  return value;
}

function uShape(i: number, n: number, depth: number): number {
  const x = (2 * (i + 0.5)) / n - 1;
  return 1 + depth * x * x;
}

function buildLogSession(profile: SymbolProfile, seed: number, date: string): LogSession | null {
  const cacheKey = `${seed}|${profile.symbol}|${date}`;
  const cached = logSessionCache.get(cacheKey);
  if (cached) {
    return cached;
  }
  const day = tradingDay(date);
  if (!day) {
    return null;
  }
  const logClose = logCloseOf(profile, seed, date);
  const logPrevClose = logCloseOf(profile, seed, previousTradingDay(date));
  if (logClose === null || logPrevClose === null) {
    return null;
  }
  const logOpen = logPrevClose + gapReturn(profile, seed, date);
  const openMs = day.open.getTime();
  const closeMs = day.close.getTime();
  const n = Math.round((closeMs - openMs) / MINUTE_MS);
  const sigma = dayVol(profile, seed, date) * INTRADAY_VOL_SHARE;
  const market = streamFor(seed, 'MARKET', 'minutes', date);
  const own = streamFor(seed, profile.symbol, 'minutes', date);
  const wicks = streamFor(seed, profile.symbol, 'wicks', date);
  const weights = new Float64Array(n);
  let totalWeight = 0;
  for (let i = 0; i < n; i++) {
    weights[i] = uShape(i, n, 1.2);
    totalWeight += weights[i];
  }
  const beta = profile.beta;
  const idio = Math.sqrt(1 - beta * beta);
  const walk = new Float64Array(n + 1);
  const variance = new Float64Array(n + 1);
  const wickUp = new Float64Array(n);
  const wickDown = new Float64Array(n);
  const absShock = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const z = beta * market.normal() + idio * own.normal();
    const stepSigma = sigma * Math.sqrt(weights[i] / totalWeight);
    walk[i + 1] = walk[i] + stepSigma * z;
    variance[i + 1] = variance[i] + weights[i] / totalWeight;
    wickUp[i] = Math.abs(wicks.normal()) * 0.35 * stepSigma;
    wickDown[i] = Math.abs(wicks.normal()) * 0.35 * stepSigma;
    absShock[i] = Math.abs(z);
  }
  // Brownian bridge: pin the walk to the day's close.
  const target = logClose - logOpen;
  const logPoints = new Float64Array(n + 1);
  for (let i = 0; i <= n; i++) {
    const share = variance[i] / variance[n];
    logPoints[i] = logOpen + walk[i] - share * walk[n] + share * target;
  }
  return remember(logSessionCache, cacheKey, { openMs, closeMs, minutes: n, logPoints, wickUp, wickDown, absShock });
}

/** The minute path of `symbol`'s regular session on `date`; null when the exchange is closed or out of range. */
export function sessionPath(symbol: string, date: string, seed: number): SessionPath | null {
  const cacheKey = `${seed}|${symbol}|${date}`;
  const cached = sessionCache.get(cacheKey);
  if (cached) {
    return cached;
  }
  const profile = symbolProfile(symbol);
  const source = pathSource(profile);
  const log = buildLogSession(source.profile, seed, date);
  if (!log) {
    return null;
  }
  const n = log.minutes;
  const points = new Float64Array(n + 1);
  for (let i = 0; i <= n; i++) {
    points[i] = Math.exp(log.logPoints[i] + source.logFactor);
  }
  const open = new Float64Array(n);
  const high = new Float64Array(n);
  const low = new Float64Array(n);
  const close = new Float64Array(n);
  const volume = new Float64Array(n);
  const volumes = streamFor(seed, symbol, 'volume', date);
  const regime = regimeOn(seed, date);
  let volumeWeight = 0;
  for (let i = 0; i < n; i++) {
    volumeWeight += uShape(i, n, 2.5);
  }
  const sessionVolume = profile.dailyVolume * regime.volumeMultiplier * (n / 390);
  for (let i = 0; i < n; i++) {
    const o = roundCents(points[i]);
    const c = roundCents(points[i + 1]);
    open[i] = o;
    close[i] = c;
    high[i] = Math.max(o, c, roundCents(Math.max(points[i], points[i + 1]) * Math.exp(log.wickUp[i])));
    low[i] = Math.min(o, c, roundCents(Math.min(points[i], points[i + 1]) * Math.exp(-log.wickDown[i])));
    const noise = Math.exp(0.35 * volumes.normal() - 0.06);
    const activity = (1 + 0.8 * log.absShock[i]) / 1.64;
    volume[i] = Math.round(((sessionVolume * uShape(i, n, 2.5)) / volumeWeight) * noise * activity);
  }
  const path: SessionPath = {
    symbol,
    date,
    openMs: log.openMs,
    closeMs: log.closeMs,
    minutes: n,
    points,
    open,
    high,
    low,
    close,
    volume,
  };
  return remember(sessionCache, cacheKey, path);
}

export interface SimPrice {
  /** Unrounded path price. */
  price: number;
  /** The instant the price belongs to: now in the regular session, else the last session's close. */
  asOf: Date;
  /** True inside the regular session. */
  live: boolean;
  /** The New York date of the session the price comes from. */
  sessionDate: string;
  /** The session's open price (unrounded). */
  sessionOpen: number;
  sessionOpenMs: number;
  sessionCloseMs: number;
}

/** The path price at an instant: interpolated inside the minute during the session, the last close outside it. */
export function priceAt(symbol: string, now: Date, seed: number): SimPrice | null {
  const today = nyDate(now);
  const t = now.getTime();
  const session = isTradingDay(today) ? sessionPath(symbol, today, seed) : null;
  if (session && t >= session.openMs) {
    if (t >= session.closeMs) {
      return closeOf(session);
    }
    const elapsed = (t - session.openMs) / MINUTE_MS;
    const i = Math.min(Math.floor(elapsed), session.minutes - 1);
    const frac = elapsed - i;
    const a = Math.log(session.points[i]);
    const b = Math.log(session.points[i + 1]);
    return {
      price: Math.exp(a + (b - a) * frac),
      asOf: new Date(t),
      live: true,
      sessionDate: today,
      sessionOpen: session.points[0],
      sessionOpenMs: session.openMs,
      sessionCloseMs: session.closeMs,
    };
  }
  const previous = sessionPath(symbol, previousTradingDay(today), seed);
  return previous ? closeOf(previous) : null;
}

function closeOf(session: SessionPath): SimPrice {
  return {
    price: session.points[session.minutes],
    asOf: new Date(session.closeMs),
    live: false,
    sessionDate: session.date,
    sessionOpen: session.points[0],
    sessionOpenMs: session.openMs,
    sessionCloseMs: session.closeMs,
  };
}

/** A per-day standard normal for anything else keyed by the day (IV noise, OI drift). */
export function dailyNormal(seed: number, symbol: string, stream: string, date: string): number {
  return normalAt(seed, symbol, stream, date);
}
