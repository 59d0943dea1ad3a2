import type { Greeks, OptionType } from '../market/market.types';
import { normCdf, normPdf } from './normal';

/**
 * Black-Scholes-Merton for European options on an asset paying a continuous yield q (Merton 1973; Hull, "Options,
 * Futures, and Other Derivatives", ch. 17 and 19). Units and conventions: docs/option-math.md.
 */
export interface BsmInput {
  spot: number;
  strike: number;
  /** Years to expiry (ACT/365, see timeToExpiryYears). */
  timeYears: number;
  /** Continuously compounded risk-free rate, as a fraction (0.05 = 5 %). */
  rate: number;
  /** Continuous dividend yield, as a fraction. */
  dividendYield: number;
  /** Annualized volatility, as a fraction (0.2 = 20 %). */
  vol: number;
  type: OptionType;
}

export interface BsmResult {
  price: number;
  greeks: Greeks;
}

export const DAYS_PER_YEAR = 365;
/**
 * Below this σ√T the option is priced as if the volatility were zero (the deterministic forward). The time value
 * lost is at most about 0.4 × spot × 1e-12, and d1 stays away from 0/0.
 */
export const MIN_TOTAL_VOL = 1e-12;

/** The option premium, per unit of underlying. */
export function bsmPrice(input: BsmInput): number {
  return bsmPriceAndGreeks(input).price;
}

/** Delta, gamma, theta per calendar day, vega per vol point, rho per rate point. */
export function bsmGreeks(input: BsmInput): Greeks {
  return bsmPriceAndGreeks(input).greeks;
}

/**
 * Price and greeks in one pass.
 * - timeYears ≤ 0: the option is at expiry: price is the intrinsic value max(S−K, 0) or max(K−S, 0), delta is ±1
 *   strictly in the money and 0 otherwise (at the money it expires worthless), the other greeks are 0.
 * - vol ≤ 0 (or σ√T below MIN_TOTAL_VOL), or spot ≤ 0 or strike ≤ 0: the underlying's path is deterministic, so
 *   the price is the discounted forward intrinsic max(S e^{−qT} − K e^{−rT}, 0) (put: the reverse) and the greeks are
 *   that expression's derivatives (gamma and vega 0). A non-positive spot or strike is taken as 0.
 * Throws a RangeError for a non-finite input, or when the inputs are so extreme the result would not be finite
 * (e^{−qT} beyond 1e308): it never returns NaN or ±Infinity.
 */
export function bsmPriceAndGreeks(input: BsmInput): BsmResult {
  assertFinite(input);
  const result = compute(input);
  const { price, greeks } = result;
  if (![price, greeks.delta, greeks.gamma, greeks.theta, greeks.vega, greeks.rho].every(Number.isFinite)) {
    throw new RangeError(`bsm: inputs outside the representable range ${JSON.stringify(input)}`);
  }
  return result;
}

function compute(input: BsmInput): BsmResult {
  const { timeYears: t, rate: r, dividendYield: q, type } = input;
  const spot = Math.max(input.spot, 0);
  const strike = Math.max(input.strike, 0);
  if (t <= 0) {
    return atExpiry(spot, strike, type);
  }
  const totalVol = Math.max(input.vol, 0) * Math.sqrt(t);
  if (totalVol < MIN_TOTAL_VOL || spot === 0 || strike === 0) {
    return deterministic(spot, strike, t, r, q, type);
  }
  const sigma = input.vol;
  const sqrtT = Math.sqrt(t);
  const dfR = Math.exp(-r * t);
  const dfQ = Math.exp(-q * t);
  const d1 = (Math.log(spot) - Math.log(strike) + (r - q + 0.5 * sigma * sigma) * t) / totalVol;
  const d2 = d1 - totalVol;
  const pdf = normPdf(d1);
  const spotPv = spot * dfQ;
  const strikePv = strike * dfR;

  const gamma = (dfQ * pdf) / (spot * totalVol);
  const vegaPerUnit = spotPv * pdf * sqrtT;
  const decay = -(spotPv * pdf * sigma) / (2 * sqrtT);
  let price: number;
  let delta: number;
  let thetaPerYear: number;
  let rhoPerUnit: number;
  if (type === 'call') {
    const nd1 = normCdf(d1);
    const nd2 = normCdf(d2);
    price = spotPv * nd1 - strikePv * nd2;
    delta = dfQ * nd1;
    thetaPerYear = decay - r * strikePv * nd2 + q * spotPv * nd1;
    rhoPerUnit = strikePv * t * nd2;
  } else {
    const nmd1 = normCdf(-d1);
    const nmd2 = normCdf(-d2);
    price = strikePv * nmd2 - spotPv * nmd1;
    delta = -dfQ * nmd1;
    thetaPerYear = decay + r * strikePv * nmd2 - q * spotPv * nmd1;
    rhoPerUnit = -strikePv * t * nmd2;
  }
  return {
    // Rounding can leave a deep out-of-the-money price a hair below zero.
    price: Math.max(price, 0),
    greeks: {
      delta,
      gamma,
      theta: thetaPerYear / DAYS_PER_YEAR,
      vega: vegaPerUnit / 100,
      rho: rhoPerUnit / 100,
    },
  };
}

function atExpiry(spot: number, strike: number, type: OptionType): BsmResult {
  const intrinsic = type === 'call' ? spot - strike : strike - spot;
  const inTheMoney = intrinsic > 0;
  const delta = inTheMoney ? (type === 'call' ? 1 : -1) : 0;
  return { price: Math.max(intrinsic, 0), greeks: { delta, gamma: 0, theta: 0, vega: 0, rho: 0 } };
}

/** Zero volatility: the payoff on the forward, discounted. Derivatives of max(±(S e^{−qT} − K e^{−rT}), 0). */
function deterministic(spot: number, strike: number, t: number, r: number, q: number, type: OptionType): BsmResult {
  const dfR = Math.exp(-r * t);
  const dfQ = Math.exp(-q * t);
  const spotPv = spot * dfQ;
  const strikePv = strike * dfR;
  const sign = type === 'call' ? 1 : -1;
  const value = sign * (spotPv - strikePv);
  if (!(value > 0)) {
    return { price: 0, greeks: { delta: 0, gamma: 0, theta: 0, vega: 0, rho: 0 } };
  }
  // theta = −∂V/∂T: ∂(S e^{−qT})/∂T = −q S e^{−qT}, ∂(K e^{−rT})/∂T = −r K e^{−rT}.
  const thetaPerYear = sign * (q * spotPv - r * strikePv);
  return {
    price: value,
    greeks: {
      delta: sign * dfQ,
      gamma: 0,
      theta: thetaPerYear / DAYS_PER_YEAR,
      vega: 0,
      rho: (sign * strikePv * t) / 100,
    },
  };
}

function assertFinite(input: BsmInput): void {
  for (const key of ['spot', 'strike', 'timeYears', 'rate', 'dividendYield', 'vol'] as const) {
    if (!Number.isFinite(input[key])) {
      throw new RangeError(`bsm: ${key} must be a finite number, got ${input[key]}`);
    }
  }
}
