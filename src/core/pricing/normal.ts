/**
 * The standard normal distribution, to close to double precision.
 *
 * - |z| < 2: Φ(z) = (1 + erf(z/√2)) / 2 with erf(x) = (2/√π) e^{−x²} Σ 2ⁿ x^{2n+1} / (1·3·…·(2n+1))
 *   (Abramowitz & Stegun 7.1.6), a series of positive terms: no cancellation.
 * - |z| ≥ 2: Φ(−|z|) = φ(z) / (z + 1/(z + 2/(z + 3/(z + …)))), Laplace's continued fraction for the Mills ratio
 *   (A&S 26.2.14), evaluated with the modified Lentz method: accurate relative to the (tiny) tail value.
 * e^{−z²/2} is computed as e^{−z₀²/2} e^{−(z−z₀)(z+z₀)/2} with z₀ = z rounded to 1/16, so z² loses nothing in the
 * far tails. Against mpmath at 40 digits on 4000 points of [−38, 11]: absolute error below 4e-16, relative error
 * below 2e-14 for z ≤ 0 (below 2e-15 for z ≤ −4) down to Φ(−37) ≈ 6e-300 (normal.spec.ts).
 */

const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
const SERIES_LIMIT = 2;
const EPSILON = 1e-17;
const TINY = 1e-300;
const MAX_TERMS = 500;
/** Φ(−38.5) ≈ 1e-324 underflows to 0. */
const UNDERFLOW = 38.5;

/** The standard normal density φ(z). */
export function normPdf(z: number): number {
  return INV_SQRT_2PI * expHalfSquare(z);
}

/** The standard normal cumulative distribution Φ(z): 0 and 1 at −∞ and +∞, NaN only for NaN. */
export function normCdf(z: number): number {
  if (Number.isNaN(z)) {
    return Number.NaN;
  }
  const a = Math.abs(z);
  if (a < SERIES_LIMIT) {
    const erf = erfSeries(a);
    return z < 0 ? 0.5 - 0.5 * erf : 0.5 + 0.5 * erf;
  }
  const tail = a > UNDERFLOW ? 0 : normPdf(a) / millsContinuedFraction(a);
  return z < 0 ? tail : 1 - tail;
}

/** e^{−z²/2} without the rounding of z² showing in the tails; 0 once it underflows (|z| > 38.6). */
function expHalfSquare(z: number): number {
  if (Math.abs(z) > UNDERFLOW + 1) {
    return 0;
  }
  const z0 = Math.round(z * 16) / 16;
  return Math.exp(-0.5 * z0 * z0) * Math.exp(-0.5 * (z - z0) * (z + z0));
}

/** erf(a/√2) for 0 ≤ a < 2. */
function erfSeries(a: number): number {
  const x = a / Math.SQRT2;
  const x2 = 0.5 * a * a;
  let term = x;
  let sum = x;
  for (let n = 1; n < MAX_TERMS; n++) {
    term *= (2 * x2) / (2 * n + 1);
    sum += term;
    if (term <= EPSILON * sum) {
      break;
    }
  }
  return (2 / Math.sqrt(Math.PI)) * expHalfSquare(a) * sum;
}

/** z + 1/(z + 2/(z + 3/(z + …))) for z ≥ 2, by modified Lentz (about 100 terms at z = 2, 15 at z = 8). */
function millsContinuedFraction(z: number): number {
  let f = z;
  let c = z;
  let d = 0;
  for (let k = 1; k < MAX_TERMS; k++) {
    d = z + k * d;
    d = Math.abs(d) < TINY ? TINY : d;
    c = z + k / c;
    c = Math.abs(c) < TINY ? TINY : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) <= EPSILON) {
      break;
    }
  }
  return f;
}
