import { addDays, nyDate } from '../calendar';
import { expirationCloseInstant, listExpirations } from '../expiration';
import type { ChainQuery, OptionChain, OptionQuote, OptionType } from '../market/market.types';
import { formatOccSymbol } from '../occ/occ-symbol';
import { bsmPriceAndGreeks } from '../pricing/bsm';
import { normalAt } from './prng';
import { dailyNormal, regimeOn, SimPrice } from './price-path';
import { ceilTo, floorTo, roundTo } from './rounding';
import { OptionTickClass, SymbolProfile } from './symbols';

/**
 * Option chains priced by Black-Scholes-Merton on a skewed, term-structured IV surface, with bid/ask on the listed
 * tick grid, open interest and volume that fade away from the money. Model and parameters: docs/market-data.md.
 */

export interface OptionSimSettings {
  seed: number;
  /** Continuously compounded risk-free rate (0.04 = 4 %). */
  riskFreeRate: number;
}

const YEAR_MS = 365 * 86_400_000;
/** The shortest time to expiry priced (one minute): an expiring option keeps a sliver of time value. */
const MIN_TIME_YEARS = 60_000 / YEAR_MS;
const DAILY_WINDOW_DAYS = 10;
const WEEKLY_WINDOW_DAYS = 50;
const MONTHLY_WINDOW_DAYS = 120;

const closeCache = new Map<string, number>();

/** expirationCloseInstant, memoized (the calendar converts time zones with luxon, which is slow in a loop). */
function expirationCloseMs(underlying: string, expiration: string): number {
  const cacheKey = `${underlying}|${expiration}`;
  let closeMs = closeCache.get(cacheKey);
  if (closeMs === undefined) {
    if (closeCache.size > 20_000) {
      closeCache.clear();
    }
    closeMs = expirationCloseInstant(underlying, expiration).getTime();
    closeCache.set(cacheKey, closeMs);
  }
  return closeMs;
}

/** Tick of an option price under the class's rule. */
export function optionTick(tickClass: OptionTickClass, price: number): number {
  switch (tickClass) {
    case 'penny_all':
      return 0.01;
    case 'penny':
      return price < 3 ? 0.01 : 0.05;
    case 'nickel':
      return price < 3 ? 0.05 : 0.1;
  }
}

/** Strike spacing near the money (within 10 % of spot) and beyond. */
export function strikeIncrements(profile: SymbolProfile, spot: number): { near: number; far: number } {
  switch (profile.symbol) {
    case 'SPY':
    case 'QQQ':
    case 'IWM':
    case 'DIA':
    case 'XSP':
      return { near: 1, far: 5 };
    case 'SPX':
    case 'RUT':
      return { near: 5, far: 25 };
    case 'NDX':
      return { near: 10, far: 50 };
    default:
      break;
  }
  if (spot < 25) {
    return { near: 0.5, far: 1 };
  }
  if (spot < 50) {
    return { near: 1, far: 2.5 };
  }
  if (spot < 200) {
    return { near: 2.5, far: 5 };
  }
  return spot < 500 ? { near: 5, far: 10 } : { near: 10, far: 20 };
}

/** Listed strikes within `band` (a fraction) of spot: fine spacing within 10 %, coarse beyond. */
export function listStrikes(profile: SymbolProfile, spot: number, band: number): number[] {
  const { near, far } = strikeIncrements(profile, spot);
  const lowBound = spot * (1 - band);
  const highBound = spot * (1 + band);
  const nearLow = Math.max(lowBound, spot * 0.9);
  const nearHigh = Math.min(highBound, spot * 1.1);
  const strikes = new Set<number>();
  for (let k = ceilTo(nearLow, near); k <= nearHigh + 1e-9; k = roundTo(k + near, 0.001)) {
    strikes.add(roundTo(k, 0.001));
  }
  for (let k = ceilTo(lowBound, far); k <= highBound + 1e-9; k = roundTo(k + far, 0.001)) {
    if (k > 0 && (k < nearLow || k > nearHigh)) {
      strikes.add(roundTo(k, 0.001));
    }
  }
  return [...strikes].filter((k) => k > 0).sort((a, b) => a - b);
}

/** Third Friday of the month of `date` (the standard monthly expiration). */
function isThirdFriday(date: string): boolean {
  const day = Number(date.slice(8, 10));
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  return weekday === 5 && day >= 15 && day <= 21;
}

/**
 * The expirations a chain shows: every listed one in the next 10 days, then Fridays to ~50 days, then monthlies to
 * ~120 days; those already past their options close at `now` are left out.
 */
export function chainExpirations(underlying: string, now: Date): string[] {
  const today = nyDate(now);
  const listed = listExpirations(underlying, today, addDays(today, MONTHLY_WINDOW_DAYS));
  return listed.filter((expiration) => {
    if (expirationCloseMs(underlying, expiration) <= now.getTime()) {
      return false;
    }
    const days = Math.round((Date.parse(`${expiration}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
    if (days <= DAILY_WINDOW_DAYS) {
      return true;
    }
    const weekday = new Date(`${expiration}T12:00:00Z`).getUTCDay();
    if (days <= WEEKLY_WINDOW_DAYS) {
      return weekday === 5 || isThirdFriday(expiration);
    }
    return isThirdFriday(expiration);
  });
}

/** ATM implied volatility of the day for a maturity: base x regime x daily noise x term structure x spot leverage. */
export function atmIv(profile: SymbolProfile, price: SimPrice, timeYears: number, seed: number): number {
  const regime = regimeOn(seed, price.sessionDate);
  const level =
    profile.baseIv * regime.ivMultiplier * Math.exp(0.05 * dailyNormal(seed, profile.symbol, 'iv', price.sessionDate));
  // Spot down -> IV up (leverage effect), from the session's open.
  const leverage = Math.exp(-3 * Math.log(price.price / price.sessionOpen));
  // Contango in calm regimes (short-dated IV below 30-day), backwardation in high-vol ones.
  const slope = regime.name === 'high_vol' ? -0.12 : 0.08;
  const term = 1 + slope * (Math.sqrt(Math.max(timeYears, 1 / 365) / (30 / 365)) - 1);
  return clamp(level * leverage * clamp(term, 0.7, 1.3), 0.05, 3);
}

/** The smile around the ATM level: put skew, a mild call-side smile, in standardized moneyness. */
export function surfaceIv(atm: number, spot: number, strike: number, timeYears: number): number {
  const m = clamp(Math.log(strike / spot) / (atm * Math.sqrt(Math.max(timeYears, 1 / 365))), -4, 4);
  return clamp(atm * (1 - 0.1 * m + 0.02 * m * m), 0.05, 4);
}

/** What every contract of one expiration shares: its close, time to expiry and ATM volatility. */
export interface ExpirySlice {
  expiration: string;
  closeMs: number;
  timeYears: number;
  atmIv: number;
  /** Days to the options close, rounded. */
  dte: number;
}

export function expirySlice(
  profile: SymbolProfile,
  price: SimPrice,
  expiration: string,
  now: Date,
  seed: number,
): ExpirySlice {
  const closeMs = expirationCloseMs(profile.symbol, expiration);
  const timeYears = Math.max((closeMs - now.getTime()) / YEAR_MS, MIN_TIME_YEARS);
  return {
    expiration,
    closeMs,
    timeYears,
    atmIv: atmIv(profile, price, timeYears, seed),
    dte: Math.max(0, Math.round((closeMs - now.getTime()) / 86_400_000)),
  };
}

export interface ContractInput {
  profile: SymbolProfile;
  price: SimPrice;
  slice: ExpirySlice;
  strike: number;
  type: OptionType;
  now: Date;
  settings: OptionSimSettings;
  /** OCC root to list under; the profile's (SPXW for SPX) when absent. */
  root?: string;
}

/** One contract's quote: theoretical value, bid/ask on its tick grid, greeks, OI and volume. */
export function simContract(input: ContractInput): OptionQuote {
  const { profile, price, slice, strike, type, now, settings } = input;
  const spot = price.price;
  const { timeYears, expiration, dte } = slice;
  const iv = surfaceIv(slice.atmIv, spot, strike, timeYears);
  const { price: theo, greeks } = bsmPriceAndGreeks({
    spot,
    strike,
    timeYears,
    rate: settings.riskFreeRate,
    dividendYield: profile.dividendYield,
    vol: iv,
    type,
  });
  const moneyness = Math.abs(Math.log(strike / spot) / (slice.atmIv * Math.sqrt(timeYears)));
  const { bid, ask } = quoteAround(profile, theo, moneyness);
  const optionSymbol = formatOccSymbol({ underlying: input.root ?? profile.optionRoot, expiration, type, strike });
  const openInterest = simOpenInterest(profile, optionSymbol, expiration, moneyness, dte, type, price, settings.seed);
  const volume = simVolume(profile, optionSymbol, moneyness, dte, now, price, settings.seed);
  const tick = optionTick(profile.optionTick, theo);
  return {
    optionSymbol,
    underlying: profile.symbol,
    type,
    strike,
    expiration,
    bid,
    ask,
    last: volume > 0 ? Math.max(roundTo(theo, tick), tick) : null,
    mid: roundTo((bid + ask) / 2, 0.0001),
    iv: roundTo(iv, 0.0001),
    greeks: {
      delta: roundTo(greeks.delta, 0.0001),
      gamma: roundTo(greeks.gamma, 0.000001),
      theta: roundTo(greeks.theta, 0.0001),
      vega: roundTo(greeks.vega, 0.0001),
      rho: roundTo(greeks.rho, 0.0001),
    },
    openInterest,
    volume,
    asOf: price.live ? now : price.asOf,
    source: 'simulated',
  };
}

/**
 * Bid/ask around the theoretical value: one tick plus a share of the premium that grows with distance from the
 * money (wider for non-penny classes); bid floored, ask ceiled to the tick, so ask - bid >= one tick and bid >= 0.
 */
export function quoteAround(
  profile: SymbolProfile,
  theo: number,
  standardizedMoneyness: number,
): { bid: number; ask: number } {
  const tick = optionTick(profile.optionTick, theo);
  const relative = profile.optionTick === 'penny_all' ? 0.006 : profile.optionTick === 'penny' ? 0.02 : 0.012;
  const width = tick + theo * relative * (1 + 0.5 * Math.min(standardizedMoneyness, 4));
  const bid = Math.max(0, floorTo(theo - width / 2, tick));
  const askTick = optionTick(profile.optionTick, theo + width / 2);
  let ask = ceilTo(theo + width / 2, askTick);
  if (ask - bid < tick - 1e-9) {
    ask = roundTo(bid + tick, 0.0001);
  }
  return { bid, ask };
}

function simOpenInterest(
  profile: SymbolProfile,
  optionSymbol: string,
  expiration: string,
  moneyness: number,
  dte: number,
  type: OptionType,
  price: SimPrice,
  seed: number,
): number {
  const shape = Math.exp(-0.5 * (moneyness / 1.6) ** 2);
  const monthly = isThirdFriday(expiration) ? 2 : 1;
  const maturity = dte <= 1 ? 0.6 : 1;
  const side = type === 'put' ? 1.2 : 1;
  const noise = Math.exp(0.4 * normalAt(seed, optionSymbol, 'oi', price.sessionDate));
  return Math.round(profile.atmOpenInterest * shape * monthly * maturity * side * noise);
}

function simVolume(
  profile: SymbolProfile,
  optionSymbol: string,
  moneyness: number,
  dte: number,
  now: Date,
  price: SimPrice,
  seed: number,
): number {
  const shape = Math.exp(-0.5 * (moneyness / 0.9) ** 2);
  const nearTerm = 3 / Math.sqrt(dte + 1);
  const noise = Math.exp(0.5 * normalAt(seed, optionSymbol, 'volume', price.sessionDate));
  // Cumulative volume of the session so far: the whole day once it closed.
  const elapsed = price.live ? sessionShare(now, price) : 1;
  return Math.round(profile.atmOptionVolume * shape * nearTerm * noise * elapsed);
}

/** Share of a session's volume traded by `now` under the U-shaped intraday profile (1 + 2.5 (2x - 1)^2). */
function sessionShare(now: Date, price: SimPrice): number {
  const x = clamp((now.getTime() - price.sessionOpenMs) / (price.sessionCloseMs - price.sessionOpenMs), 0, 1);
  const cumulative = (u: number): number => u + (2.5 * ((2 * u - 1) ** 3 + 1)) / 6;
  return cumulative(x) / cumulative(1);
}

export interface ChainSettings extends OptionSimSettings {
  /** Default band when the query has none: scaled with the expiry's expected move, clamped to [2 %, 10 %]. */
  maxDefaultBand?: number;
}

/** A full chain at `now` around the price given. */
export function simChain(
  profile: SymbolProfile,
  price: SimPrice,
  now: Date,
  settings: ChainSettings,
  query: ChainQuery = {},
): OptionChain {
  const expirations = chainExpirations(profile.symbol, now).filter(
    (expiration) => !query.expirations || query.expirations.length === 0 || query.expirations.includes(expiration),
  );
  const types: OptionType[] = query.type ? [query.type] : ['call', 'put'];
  const contracts: OptionQuote[] = [];
  for (const expiration of expirations) {
    const slice = expirySlice(profile, price, expiration, now, settings.seed);
    const band =
      query.strikeBand ?? clamp(3 * slice.atmIv * Math.sqrt(slice.timeYears), 0.02, settings.maxDefaultBand ?? 0.1);
    for (const strike of listStrikes(profile, price.price, band)) {
      for (const type of types) {
        contracts.push(simContract({ profile, price, slice, strike, type, now, settings }));
      }
    }
  }
  return {
    underlying: profile.symbol,
    spot: roundTo(price.price, 0.01),
    asOf: price.live ? now : price.asOf,
    source: 'simulated',
    contracts,
  };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}
