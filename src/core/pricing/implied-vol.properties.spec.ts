import fc from 'fast-check';

import type { BsmInput } from './bsm';
import { bsmPrice, bsmPriceAndGreeks } from './bsm';
import { impliedVol } from './implied-vol';

const HOUR = 1 / (365 * 24);

/** Wide ranges: spot 1-5000, |ln(K/S)| ≤ 0.5, 1 hour to 2 years, vol 1 %-400 %, calls and puts. */
const option: fc.Arbitrary<BsmInput> = fc
  .record({
    logSpot: fc.double({ min: 0, max: Math.log(5000), noNaN: true }),
    logMoneyness: fc.double({ min: -0.5, max: 0.5, noNaN: true }),
    logTime: fc.double({ min: Math.log(HOUR), max: Math.log(2), noNaN: true }),
    rate: fc.double({ min: -0.01, max: 0.1, noNaN: true }),
    dividendYield: fc.double({ min: 0, max: 0.06, noNaN: true }),
    vol: fc.double({ min: 0.01, max: 4, noNaN: true }),
    type: fc.constantFrom('call' as const, 'put' as const),
  })
  .map(({ logSpot, logMoneyness, logTime, rate, dividendYield, vol, type }) => {
    const spot = Math.exp(logSpot);
    return {
      spot,
      strike: spot * Math.exp(logMoneyness),
      timeYears: Math.exp(logTime),
      rate,
      dividendYield,
      vol,
      type,
    };
  });

/**
 * Where the vol is numerically recoverable: the premium is above 1e-6 and a 1e-6 change of vol moves it by more
 * than the rounding of the price formula (a deep in-the-money option's time value can drown in its intrinsic value).
 */
function recoverable(input: BsmInput): boolean {
  const { price, greeks } = bsmPriceAndGreeks(input);
  const scale = input.spot + input.strike;
  return price > 1e-6 && greeks.vega * 100 * 1e-6 > 1e-12 * scale;
}

describe('impliedVol properties', () => {
  it('round-trips: price at σ, then impliedVol, gives σ within 1e-6', () => {
    let solved = 0;
    let maxIterations = 0;
    fc.assert(
      fc.property(option, (input) => {
        fc.pre(recoverable(input));
        const { vol, ...rest } = input;
        const result = impliedVol({ ...rest, price: bsmPrice(input) });
        expect(result).toMatchObject({ ok: true });
        if (result.ok) {
          expect(Math.abs(result.vol - vol)).toBeLessThan(1e-6);
          solved++;
          maxIterations = Math.max(maxIterations, result.iterations);
        }
      }),
      { numRuns: 3000 },
    );
    expect(solved).toBeGreaterThan(2400);
    expect(maxIterations).toBeLessThanOrEqual(60);
  });

  it('answers every quote with a vol or a reason, never throws', () => {
    const quote = fc.record({
      price: fc.double({ min: 0, max: 200, noNaN: true }),
      spot: fc.double({ min: 1, max: 200, noNaN: true }),
      strike: fc.double({ min: 1, max: 200, noNaN: true }),
      timeYears: fc.double({ min: 1e-6, max: 3, noNaN: true }),
      rate: fc.double({ min: -0.05, max: 0.2, noNaN: true }),
      dividendYield: fc.double({ min: 0, max: 0.1, noNaN: true }),
      type: fc.constantFrom('call' as const, 'put' as const),
    });
    fc.assert(
      fc.property(quote, (input) => {
        const result = impliedVol(input);
        if (result.ok) {
          expect(result.vol).toBeGreaterThanOrEqual(1e-6);
          expect(result.vol).toBeLessThanOrEqual(5);
          const repriced = bsmPrice({ ...input, vol: result.vol });
          expect(Math.abs(repriced - input.price)).toBeLessThanOrEqual(1e-8 + 1e-12 * (input.spot + input.strike));
        } else {
          expect(['below_intrinsic', 'above_max_price']).toContain(result.reason);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
