import fc from 'fast-check';

import type { BsmInput } from './bsm';
import { bsmPrice, bsmPriceAndGreeks } from './bsm';

const HOUR = 1 / (365 * 24);

/** A priced option over wide ranges: spot 1-5000, log-moneyness ±1, 1 hour to 2 years, vol 1 %-300 %. */
const option: fc.Arbitrary<BsmInput> = fc
  .record({
    logSpot: fc.double({ min: 0, max: Math.log(5000), noNaN: true }),
    logMoneyness: fc.double({ min: -1, max: 1, noNaN: true }),
    logTime: fc.double({ min: Math.log(HOUR), max: Math.log(2), noNaN: true }),
    rate: fc.double({ min: -0.02, max: 0.15, noNaN: true }),
    dividendYield: fc.double({ min: -0.02, max: 0.1, noNaN: true }),
    vol: fc.double({ min: 0.01, max: 3, noNaN: true }),
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

function forwardValues(input: BsmInput): { spotPv: number; strikePv: number } {
  return {
    spotPv: input.spot * Math.exp(-input.dividendYield * input.timeYears),
    strikePv: input.strike * Math.exp(-input.rate * input.timeYears),
  };
}

describe('bsm properties', () => {
  it('satisfies put-call parity C − P = S e^{−qT} − K e^{−rT} to 1e-12 relative', () => {
    fc.assert(
      fc.property(option, (input) => {
        const call = bsmPrice({ ...input, type: 'call' });
        const put = bsmPrice({ ...input, type: 'put' });
        const { spotPv, strikePv } = forwardValues(input);
        expect(Math.abs(call - put - (spotPv - strikePv))).toBeLessThanOrEqual(1e-12 * (spotPv + strikePv));
      }),
      { numRuns: 5000 },
    );
  });

  it('stays within the no-arbitrage bounds', () => {
    fc.assert(
      fc.property(option, (input) => {
        const price = bsmPrice(input);
        const { spotPv, strikePv } = forwardValues(input);
        const slack = 1e-13 * (spotPv + strikePv);
        const [floor, ceiling] =
          input.type === 'call' ? [Math.max(spotPv - strikePv, 0), spotPv] : [Math.max(strikePv - spotPv, 0), strikePv];
        expect(price).toBeGreaterThanOrEqual(floor - slack);
        expect(price).toBeLessThanOrEqual(ceiling + slack);
      }),
      { numRuns: 3000 },
    );
  });

  it('is non-decreasing in vol', () => {
    fc.assert(
      fc.property(option, fc.double({ min: 0, max: 2, noNaN: true }), (input, bump) => {
        const { spotPv, strikePv } = forwardValues(input);
        const lower = bsmPrice(input);
        const higher = bsmPrice({ ...input, vol: input.vol + bump });
        expect(higher).toBeGreaterThanOrEqual(lower - 1e-14 * (spotPv + strikePv));
      }),
      { numRuns: 3000 },
    );
  });

  it('has call and put greeks related by parity: Δc − Δp = e^{−qT}, equal gamma and vega', () => {
    fc.assert(
      fc.property(option, (input) => {
        const call = bsmPriceAndGreeks({ ...input, type: 'call' }).greeks;
        const put = bsmPriceAndGreeks({ ...input, type: 'put' }).greeks;
        expect(call.delta - put.delta).toBeCloseTo(Math.exp(-input.dividendYield * input.timeYears), 14);
        expect(call.gamma).toBe(put.gamma);
        expect(call.vega).toBe(put.vega);
      }),
      { numRuns: 2000 },
    );
  });

  it('has greeks equal to finite differences of the price (theta per day, vega and rho per point)', () => {
    fc.assert(
      fc.property(option, (input) => {
        const { greeks } = bsmPriceAndGreeks(input);
        const at = (change: Partial<BsmInput>): number => bsmPrice({ ...input, ...change });
        const { spot, vol, timeYears, rate } = input;
        // Steps relative to the width of the distribution (σ√T), so short-dated options are differenced as finely.
        const width = vol * Math.sqrt(timeYears);
        const hs = spot * Math.min(width, 1) * 1e-4;
        const delta = (at({ spot: spot + hs }) - at({ spot: spot - hs })) / (2 * hs);
        const deltaAt = (s: number): number => bsmPriceAndGreeks({ ...input, spot: s }).greeks.delta;
        const gamma = (deltaAt(spot + hs) - deltaAt(spot - hs)) / (2 * hs);
        const hv = vol * 1e-4;
        const vega = (at({ vol: vol + hv }) - at({ vol: vol - hv })) / (2 * hv) / 100;
        const ht = timeYears * 1e-4;
        const theta = -(at({ timeYears: timeYears + ht }) - at({ timeYears: timeYears - ht })) / (2 * ht) / 365;
        const hr = 1e-5;
        const rho = (at({ rate: rate + hr }) - at({ rate: rate - hr })) / (2 * hr) / 100;

        expect(Math.abs(delta - greeks.delta)).toBeLessThanOrEqual(1e-5 * Math.abs(greeks.delta) + 1e-8);
        expect(Math.abs(gamma - greeks.gamma)).toBeLessThanOrEqual(1e-5 * greeks.gamma + 1e-8 / (spot * width));
        expect(Math.abs(vega - greeks.vega)).toBeLessThanOrEqual(1e-5 * greeks.vega + 1e-10 * spot);
        expect(Math.abs(theta - greeks.theta)).toBeLessThanOrEqual(1e-5 * Math.abs(greeks.theta) + 1e-10 * spot);
        expect(Math.abs(rho - greeks.rho)).toBeLessThanOrEqual(1e-5 * Math.abs(greeks.rho) + 1e-10 * spot);
      }),
      { numRuns: 3000 },
    );
  });

  it('returns finite numbers over broad inputs, including expired, zero-vol and negative-rate ones', () => {
    const broad = fc.record({
      spot: fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
      strike: fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
      timeYears: fc.double({ min: -1, max: 50, noNaN: true }),
      rate: fc.double({ min: -0.5, max: 0.5, noNaN: true }),
      dividendYield: fc.double({ min: -0.5, max: 0.5, noNaN: true }),
      vol: fc.double({ min: -1, max: 10, noNaN: true }),
      type: fc.constantFrom('call' as const, 'put' as const),
    });
    fc.assert(
      fc.property(broad, (input) => {
        const { price, greeks } = bsmPriceAndGreeks(input);
        for (const value of [price, greeks.delta, greeks.gamma, greeks.theta, greeks.vega, greeks.rho]) {
          expect(Number.isFinite(value)).toBe(true);
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('never returns NaN for any finite input: a finite result or a RangeError', () => {
    const anyFinite = fc.double({ noNaN: true, noDefaultInfinity: true });
    const wild = fc.record({
      spot: anyFinite,
      strike: anyFinite,
      timeYears: anyFinite,
      rate: anyFinite,
      dividendYield: anyFinite,
      vol: anyFinite,
      type: fc.constantFrom('call' as const, 'put' as const),
    });
    fc.assert(
      fc.property(wild, (input) => {
        try {
          const { price, greeks } = bsmPriceAndGreeks(input);
          for (const value of [price, greeks.delta, greeks.gamma, greeks.theta, greeks.vega, greeks.rho]) {
            expect(Number.isFinite(value)).toBe(true);
          }
        } catch (error) {
          expect(error).toBeInstanceOf(RangeError);
        }
      }),
      { numRuns: 5000 },
    );
  });
});
