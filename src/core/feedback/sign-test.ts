/**
 * Exact two-sided binomial sign test: with m non-tied pairs and k successes, p = min(1, 2 x P(X <= min(k, m - k)))
 * for X ~ Binomial(m, 1/2). Summed in log space so large m neither overflows nor underflows early. m = 0 gives 1.
 */
export function signTestPValue(successes: number, trials: number): number {
  if (!Number.isInteger(successes) || !Number.isInteger(trials) || trials < 0 || successes < 0 || successes > trials) {
    throw new RangeError(`invalid sign test counts: ${successes} of ${trials}`);
  }
  if (trials === 0) {
    return 1;
  }
  const tail = Math.min(successes, trials - successes);
  const logHalfPow = -trials * Math.LN2;
  const logTerms: number[] = [];
  let logChoose = 0;
  for (let i = 0; i <= tail; i += 1) {
    if (i > 0) {
      logChoose += Math.log((trials - i + 1) / i);
    }
    logTerms.push(logChoose + logHalfPow);
  }
  const max = Math.max(...logTerms);
  const sum = logTerms.reduce((acc, term) => acc + Math.exp(term - max), 0);
  return Math.min(1, 2 * Math.exp(max + Math.log(sum)));
}
