import type { BsmInput } from './bsm';
import { bsmGreeks, bsmPrice, bsmPriceAndGreeks } from './bsm';

/**
 * Textbook values: John C. Hull, "Options, Futures, and Other Derivatives" (9th ed., 2014) and its Student
 * Solutions Manual. The figures were checked against public test suites that quote them:
 * peterrhodesdev/option-pricing (Example 15.6, p. 360; SSM Problems 17.6 and 17.7, p. 187) and grfiv/ustreasuries
 * (the chapter 19 greeks example, "Hull 7th edition ch 17 p 367"; the same example is chapter 19 in the 9th).
 * Exact values (MPMATH below) come from the same formulas evaluated with mpmath at 40 digits, rounded to doubles.
 */
const HULL_15_6: Omit<BsmInput, 'type'> = {
  spot: 42,
  strike: 40,
  timeYears: 0.5,
  rate: 0.1,
  dividendYield: 0,
  vol: 0.2,
};
/** Hull ch. 19 ("The Greek Letters"): a 20-week call, S = 49, K = 50, r = 5 %, σ = 20 %. */
const HULL_19: BsmInput = {
  spot: 49,
  strike: 50,
  timeYears: 20 / 52,
  rate: 0.05,
  dividendYield: 0,
  vol: 0.2,
  type: 'call',
};

function relativeError(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.abs(expected);
}

describe('bsm against Hull', () => {
  it('prices Example 15.6: call 4.76, put 0.81', () => {
    expect(bsmPrice({ ...HULL_15_6, type: 'call' })).toBeCloseTo(4.76, 2);
    expect(bsmPrice({ ...HULL_15_6, type: 'put' })).toBeCloseTo(0.81, 2);
  });

  it('prices Example 15.6 to 1e-13 of the 40-digit values', () => {
    // MPMATH: call 4.759422392871533, put 0.8085993729000936.
    expect(relativeError(bsmPrice({ ...HULL_15_6, type: 'call' }), 4.759422392871533)).toBeLessThan(1e-13);
    expect(relativeError(bsmPrice({ ...HULL_15_6, type: 'put' }), 0.8085993729000936)).toBeLessThan(1e-13);
  });

  it('gives the chapter 19 greeks: delta 0.522, gamma 0.066, theta −4.31/yr, vega 12.1, rho 8.91 (per 100 %)', () => {
    const greeks = bsmGreeks(HULL_19);
    expect(greeks.delta).toBeCloseTo(0.522, 3);
    expect(greeks.gamma).toBeCloseTo(0.066, 3);
    // Theta per calendar day: Hull's −4.31 per year / 365 = −0.0118.
    expect(greeks.theta * 365).toBeCloseTo(-4.31, 2);
    expect(greeks.theta).toBeCloseTo(-0.0118, 4);
    // Vega and rho per point: Hull's 12.1 and 8.91 per unit (100 %) are 0.121 and 0.0891 per point.
    expect(greeks.vega).toBeCloseTo(0.121, 3);
    expect(greeks.rho).toBeCloseTo(0.0891, 4);
  });

  it('gives the chapter 19 greeks to 1e-12 of the 40-digit values', () => {
    // MPMATH: price 2.4005273232717146, delta 0.5216046610663964, gamma 0.06554403934784439,
    // theta/day −0.01179542417241801, vega/point 0.121054798826288, rho/point 0.0890696194960835.
    const { price, greeks } = bsmPriceAndGreeks(HULL_19);
    expect(relativeError(price, 2.4005273232717146)).toBeLessThan(1e-12);
    expect(relativeError(greeks.delta, 0.5216046610663964)).toBeLessThan(1e-12);
    expect(relativeError(greeks.gamma, 0.06554403934784439)).toBeLessThan(1e-12);
    expect(relativeError(greeks.theta, -0.01179542417241801)).toBeLessThan(1e-12);
    expect(relativeError(greeks.vega, 0.121054798826288)).toBeLessThan(1e-12);
    expect(relativeError(greeks.rho, 0.0890696194960835)).toBeLessThan(1e-12);
  });

  it('prices a call on an index with a dividend yield (SSM Problem 17.6: 11.15)', () => {
    const input: BsmInput = {
      spot: 250,
      strike: 250,
      timeYears: 0.25,
      rate: 0.1,
      dividendYield: 0.03,
      vol: 0.18,
      type: 'call',
    };
    expect(bsmPrice(input)).toBeCloseTo(11.15, 2);
    // MPMATH: 11.147405293337535, delta 0.5901765503701397 (e^{−qT} N(d1)).
    const { price, greeks } = bsmPriceAndGreeks(input);
    expect(relativeError(price, 11.147405293337535)).toBeLessThan(1e-13);
    expect(relativeError(greeks.delta, 0.5901765503701397)).toBeLessThan(1e-13);
    expect(relativeError(greeks.theta, -0.07267964748590681)).toBeLessThan(1e-12);
  });

  it('prices a currency put with the foreign rate as the yield (SSM Problem 17.7: 0.0162)', () => {
    const input: BsmInput = {
      spot: 0.52,
      strike: 0.5,
      timeYears: 8 / 12,
      rate: 0.04,
      dividendYield: 0.08,
      vol: 0.12,
      type: 'put',
    };
    expect(bsmPrice(input)).toBeCloseTo(0.0162, 4);
    // MPMATH: 0.016223959958449472, delta −0.40739014775436416.
    expect(relativeError(bsmPrice(input), 0.016223959958449472)).toBeLessThan(1e-12);
    expect(relativeError(bsmGreeks(input).delta, -0.40739014775436416)).toBeLessThan(1e-12);
  });

  it('prices a one-hour SPY put and a deep out-of-the-money call to 1e-12 of the 40-digit values', () => {
    // MPMATH: 3.9978054505161555 and 7.657536921262159e-6.
    const oneHourPut: BsmInput = {
      spot: 596,
      strike: 600,
      timeYears: 1 / (365 * 24),
      rate: 0.045,
      dividendYield: 0.013,
      vol: 0.15,
      type: 'put',
    };
    expect(relativeError(bsmPrice(oneHourPut), 3.9978054505161555)).toBeLessThan(1e-12);
    const deepOtm: BsmInput = {
      spot: 100,
      strike: 150,
      timeYears: 0.01,
      rate: 0.05,
      dividendYield: 0,
      vol: 0.9,
      type: 'call',
    };
    expect(relativeError(bsmPrice(deepOtm), 7.657536921262159e-6)).toBeLessThan(1e-12);
    expect(relativeError(bsmGreeks(deepOtm).vega, 1.958544323582966e-6)).toBeLessThan(1e-11);
  });
});

describe('bsm edge cases', () => {
  const base: BsmInput = {
    spot: 100,
    strike: 95,
    timeYears: 0.25,
    rate: 0.05,
    dividendYield: 0.02,
    vol: 0.3,
    type: 'call',
  };

  it('at expiry prices the intrinsic value with delta 1 in the money and 0 out of it', () => {
    expect(bsmPriceAndGreeks({ ...base, timeYears: 0 })).toEqual({
      price: 5,
      greeks: { delta: 1, gamma: 0, theta: 0, vega: 0, rho: 0 },
    });
    expect(bsmPriceAndGreeks({ ...base, timeYears: -1, type: 'put' })).toEqual({
      price: 0,
      greeks: { delta: 0, gamma: 0, theta: 0, vega: 0, rho: 0 },
    });
    expect(bsmPriceAndGreeks({ ...base, timeYears: 0, strike: 110, type: 'put' })).toEqual({
      price: 10,
      greeks: { delta: -1, gamma: 0, theta: 0, vega: 0, rho: 0 },
    });
  });

  it('at expiry and exactly at the money gives price 0 and delta 0', () => {
    expect(bsmGreeks({ ...base, timeYears: 0, strike: 100 }).delta).toBe(0);
    expect(bsmGreeks({ ...base, timeYears: 0, strike: 100, type: 'put' }).delta).toBe(0);
  });

  it('with zero or negative vol prices the discounted forward intrinsic', () => {
    const forward = 100 * Math.exp(-0.02 * 0.25) - 95 * Math.exp(-0.05 * 0.25);
    for (const vol of [0, -0.2]) {
      const { price, greeks } = bsmPriceAndGreeks({ ...base, vol });
      expect(price).toBeCloseTo(forward, 12);
      expect(greeks.delta).toBeCloseTo(Math.exp(-0.02 * 0.25), 12);
      expect(greeks.gamma).toBe(0);
      expect(greeks.vega).toBe(0);
      expect(greeks.rho).toBeCloseTo((95 * 0.25 * Math.exp(-0.05 * 0.25)) / 100, 12);
      expect(bsmPriceAndGreeks({ ...base, vol, type: 'put' })).toEqual({
        price: 0,
        greeks: { delta: 0, gamma: 0, theta: 0, vega: 0, rho: 0 },
      });
    }
  });

  it('the zero-vol price is the limit of small vols', () => {
    const atZero = bsmPrice({ ...base, vol: 0 });
    expect(Math.abs(bsmPrice({ ...base, vol: 1e-4 }) - atZero)).toBeLessThan(1e-12);
  });

  it('a zero spot or strike gives the limiting prices', () => {
    expect(bsmPrice({ ...base, spot: 0 })).toBe(0);
    expect(bsmPrice({ ...base, spot: 0, type: 'put' })).toBeCloseTo(95 * Math.exp(-0.05 * 0.25), 12);
    expect(bsmPrice({ ...base, strike: 0 })).toBeCloseTo(100 * Math.exp(-0.02 * 0.25), 12);
    expect(bsmPrice({ ...base, strike: -1, type: 'put' })).toBe(0);
  });

  it('throws a RangeError for a non-finite input', () => {
    expect(() => bsmPrice({ ...base, spot: Number.NaN })).toThrow(RangeError);
    expect(() => bsmPrice({ ...base, vol: Number.POSITIVE_INFINITY })).toThrow('vol must be a finite number');
  });

  it('throws a RangeError rather than return a non-finite number for absurd finite inputs', () => {
    expect(() => bsmPrice({ ...base, dividendYield: -1, timeYears: 1000 })).toThrow(RangeError);
  });
});
