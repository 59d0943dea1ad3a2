/** Cached: inside a vm context (Jest) each global `Math.*` lookup in a hot loop costs ~15x. */
const mathExp = Math.exp;
const mathLog = Math.log;
const mathSqrt = Math.sqrt;

export const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/**
 * Black-Scholes-Merton gamma per $1 move, e^{-qT} phi(d1) / (S sigma sqrt(T)), the same for calls and puts. The same
 * formula as src/core/pricing's bsmGreeks (a spec checks they agree) without its price and other greeks: GEX needs
 * only gamma, for thousands of contracts.
 */
export function bsmGamma(
  spot: number,
  strike: number,
  timeYears: number,
  rate: number,
  dividendYield: number,
  vol: number,
): number {
  const volSqrtT = vol * mathSqrt(timeYears);
  const d1 = (mathLog(spot / strike) + (rate - dividendYield + 0.5 * vol * vol) * timeYears) / volSqrtT;
  return (mathExp(-dividendYield * timeYears) * INV_SQRT_2PI * mathExp(-0.5 * d1 * d1)) / (spot * volSqrtT);
}
