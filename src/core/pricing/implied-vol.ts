import type { OptionType } from '../market/market.types';
import { bsmPrice } from './bsm';
import { normCdf, normPdf } from './normal';

export interface ImpliedVolInput {
  /** The option's premium, per unit of underlying. */
  price: number;
  spot: number;
  strike: number;
  timeYears: number;
  rate: number;
  dividendYield: number;
  type: OptionType;
}

export interface ImpliedVolOptions {
  /** Lower end of the search, as a fraction. Default 1e-6. */
  minVol?: number;
  /** Upper end of the search, as a fraction. Default 5 (500 %). */
  maxVol?: number;
  /**
   * Converged when |model − price| ≤ min(priceTolerance, relativeTolerance × price), or when the rounding error of
   * the price formula is reached. Default 1e-8 (price units).
   */
  priceTolerance?: number;
  /** Default 1e-10: a cheap option is solved to its own scale (a 1e-6 premium to 1e-16). */
  relativeTolerance?: number;
  /** Also converged when a step (Newton or bisection) moves σ by at most this. Default 1e-12. */
  volTolerance?: number;
  /** Default 100. */
  maxIterations?: number;
}

export type ImpliedVolFailure = 'below_intrinsic' | 'above_max_price' | 'no_convergence' | 'invalid_input';

export type ImpliedVolResult =
  { ok: true; vol: number; iterations: number } | { ok: false; reason: ImpliedVolFailure; detail: string };

const DEFAULTS: Required<ImpliedVolOptions> = {
  minVol: 1e-6,
  maxVol: 5,
  priceTolerance: 1e-8,
  relativeTolerance: 1e-10,
  volTolerance: 1e-12,
  maxIterations: 100,
};

/**
 * The Black-Scholes-Merton volatility that reproduces `price`: Newton-Raphson on vega, safeguarded by a bracket
 * [minVol, maxVol] that every evaluation narrows (the price is increasing in σ); a step that leaves the bracket or
 * meets a vanishing vega is replaced by bisection. Starts at the inflection point σ² = 2|ln(F/K)|/T (Manaster &
 * Koehler 1982), where vega is largest, so Newton converges without overshoot on the usual cases.
 * Failures:
 * - invalid_input: a non-finite or non-positive spot, strike or time, a negative price, a bad option;
 * - below_intrinsic: price ≤ max(S e^{−qT} − K e^{−rT}, 0) (no time value) or below the price at minVol;
 * - above_max_price: price above the price at maxVol (itself below the no-arbitrage ceiling S e^{−qT} or K e^{−rT});
 * - no_convergence: maxIterations spent (does not happen with the defaults on valid input, kept as a guard).
 */
export function impliedVol(input: ImpliedVolInput, options: ImpliedVolOptions = {}): ImpliedVolResult {
  const opts = { ...DEFAULTS, ...options };
  const invalid = checkInput(input, opts);
  if (invalid) {
    return { ok: false, reason: 'invalid_input', detail: invalid };
  }
  const { price, spot, strike, timeYears: t, rate: r, dividendYield: q, type } = input;
  const tolerance = Math.min(opts.priceTolerance, opts.relativeTolerance * price);
  const spotPv = spot * Math.exp(-q * t);
  const strikePv = strike * Math.exp(-r * t);
  if (!(spotPv > 0 && strikePv > 0 && Number.isFinite(spotPv) && Number.isFinite(strikePv))) {
    return { ok: false, reason: 'invalid_input', detail: 'rate or dividend yield too large for the time' };
  }
  const floor = Math.max(type === 'call' ? spotPv - strikePv : strikePv - spotPv, 0);
  if (price <= floor) {
    return { ok: false, reason: 'below_intrinsic', detail: `price ${price} ≤ discounted intrinsic ${floor}` };
  }
  const modelAt = (vol: number): number =>
    bsmPrice({ spot, strike, timeYears: t, rate: r, dividendYield: q, vol, type }) - price;

  let lo = opts.minVol;
  let hi = opts.maxVol;
  const fLo = modelAt(lo);
  if (Math.abs(fLo) <= tolerance) {
    return { ok: true, vol: lo, iterations: 1 };
  }
  if (fLo > 0) {
    return { ok: false, reason: 'below_intrinsic', detail: `price ${price} is below the price at vol ${lo}` };
  }
  const fHi = modelAt(hi);
  if (Math.abs(fHi) <= tolerance) {
    return { ok: true, vol: hi, iterations: 2 };
  }
  if (fHi < 0) {
    return {
      ok: false,
      reason: 'above_max_price',
      detail: `price ${price} is above ${price + fHi}, the price at vol ${hi}`,
    };
  }

  const logMoneyness = Math.log(spotPv / strikePv);
  const sqrtT = Math.sqrt(t);
  let vol = clamp(initialGuess(logMoneyness, t, price - floor, spotPv, strikePv), lo, hi);
  if (vol <= lo || vol >= hi) {
    vol = 0.5 * (lo + hi);
  }
  // Safeguarded Newton (Numerical Recipes' rtsafe): bisect when Newton would leave the bracket or would not at
  // least halve the step before last, so the bracket shrinks geometrically whatever the shape of the price.
  let step = hi - lo;
  let stepBefore = step;
  for (let iteration = 3; iteration <= opts.maxIterations; iteration++) {
    const f = modelAt(vol);
    const totalVol = vol * sqrtT;
    const d1 = (logMoneyness + 0.5 * totalVol * totalVol) / totalVol;
    const d2 = d1 - totalVol;
    const vega = spotPv * normPdf(d1) * sqrtT;
    // The price is a difference of two terms; their rounding bounds what any further step could learn.
    const terms =
      type === 'call' ? spotPv * normCdf(d1) + strikePv * normCdf(d2) : strikePv * normCdf(-d2) + spotPv * normCdf(-d1);
    if (Math.abs(f) <= tolerance || Math.abs(f) <= 8 * Number.EPSILON * terms) {
      // One last Newton step costs no pricing and turns a price within tolerance into a vol to ~machine precision.
      const polished = vega > 0 ? vol - f / vega : vol;
      return { ok: true, vol: polished > lo && polished < hi ? polished : vol, iterations: iteration };
    }
    if (f < 0) {
      lo = vol;
    } else {
      hi = vol;
    }
    const newton = vol - f / vega;
    let next: number;
    if (vega > 0 && newton > lo && newton < hi && Math.abs(2 * f) <= Math.abs(stepBefore * vega)) {
      stepBefore = step;
      step = Math.abs(f / vega);
      next = newton;
    } else {
      stepBefore = step;
      step = 0.5 * (hi - lo);
      next = lo + step;
    }
    if (Math.abs(next - vol) <= opts.volTolerance) {
      return { ok: true, vol: next, iterations: iteration };
    }
    vol = next;
  }
  return {
    ok: false,
    reason: 'no_convergence',
    detail: `no vol in [${lo}, ${hi}] within ${tolerance} of ${price} after ${opts.maxIterations} iterations`,
  };
}

function checkInput(input: ImpliedVolInput, opts: Required<ImpliedVolOptions>): string | null {
  for (const key of ['price', 'spot', 'strike', 'timeYears', 'rate', 'dividendYield'] as const) {
    if (!Number.isFinite(input[key])) {
      return `${key} must be a finite number, got ${input[key]}`;
    }
  }
  for (const key of ['spot', 'strike', 'timeYears'] as const) {
    if (input[key] <= 0) {
      return `${key} must be positive, got ${input[key]}`;
    }
  }
  if (input.price < 0) {
    return `price must not be negative, got ${input.price}`;
  }
  if (input.type !== 'call' && input.type !== 'put') {
    return `type must be call or put, got ${String(input.type)}`;
  }
  if (!(opts.minVol > 0 && opts.maxVol > opts.minVol && Number.isFinite(opts.maxVol))) {
    return `bad vol range [${opts.minVol}, ${opts.maxVol}]`;
  }
  return null;
}

/**
 * σ² = 2|ln(F/K)|/T, the inflection point of price in σ (Manaster & Koehler 1982); near the money, where that is
 * ~0, the Brenner-Subrahmanyam estimate σ ≈ √(2π/T) × time value / spot.
 */
function initialGuess(logMoneyness: number, t: number, timeValue: number, spotPv: number, strikePv: number): number {
  const inflection = Math.sqrt((2 * Math.abs(logMoneyness)) / t);
  const nearMoney = (Math.sqrt((2 * Math.PI) / t) * timeValue) / (0.5 * (spotPv + strikePv));
  return Math.abs(logMoneyness) < 0.05 ? Math.max(inflection, nearMoney) : inflection;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
