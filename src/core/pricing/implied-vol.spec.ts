import type { BsmInput } from './bsm';
import { bsmPrice } from './bsm';
import { impliedVol } from './implied-vol';
import type { ImpliedVolInput, ImpliedVolResult } from './implied-vol';

const SAME_DAY = 1 / 365 / 6.5; // about an hour of a 6.5-hour session, in calendar-year units

function quote(input: BsmInput): ImpliedVolInput {
  const { vol: _vol, ...rest } = input;
  return { ...rest, price: bsmPrice(input) };
}

function solvedVol(result: ImpliedVolResult): number {
  if (!result.ok) {
    throw new Error(`expected a vol, got ${result.reason}: ${result.detail}`);
  }
  return result.vol;
}

describe('impliedVol', () => {
  it("recovers Hull Example 15.6's 20 % from the call price 4.7594", () => {
    const result = impliedVol({
      price: 4.759422392871533,
      spot: 42,
      strike: 40,
      timeYears: 0.5,
      rate: 0.1,
      dividendYield: 0,
      type: 'call',
    });
    expect(solvedVol(result)).toBeCloseTo(0.2, 12);
  });

  it('recovers the vol of an at-the-money index option with a dividend yield in a few iterations', () => {
    const input: BsmInput = {
      spot: 250,
      strike: 250,
      timeYears: 0.25,
      rate: 0.1,
      dividendYield: 0.03,
      vol: 0.18,
      type: 'call',
    };
    const result = impliedVol(quote(input));
    expect(solvedVol(result)).toBeCloseTo(0.18, 10);
    expect(result.ok && result.iterations).toBeLessThanOrEqual(8);
  });

  it('recovers a deep out-of-the-money same-day put', () => {
    const input: BsmInput = {
      spot: 600,
      strike: 590,
      timeYears: SAME_DAY,
      rate: 0.045,
      dividendYield: 0.013,
      vol: 0.35,
      type: 'put',
    };
    expect(bsmPrice(input)).toBeGreaterThan(1e-6);
    expect(solvedVol(impliedVol(quote(input)))).toBeCloseTo(0.35, 8);
  });

  it('recovers a far out-of-the-money call worth a fraction of a cent', () => {
    const input: BsmInput = {
      spot: 100,
      strike: 180,
      timeYears: 0.05,
      rate: 0.05,
      dividendYield: 0,
      vol: 0.6,
      type: 'call',
    };
    expect(bsmPrice(input)).toBeLessThan(1e-4);
    expect(solvedVol(impliedVol(quote(input)))).toBeCloseTo(0.6, 8);
  });

  it('recovers very low and very high vols', () => {
    for (const vol of [0.005, 4.5]) {
      const input: BsmInput = {
        spot: 100,
        strike: 105,
        timeYears: 0.5,
        rate: 0.03,
        dividendYield: 0.01,
        vol,
        type: 'call',
      };
      expect(solvedVol(impliedVol(quote(input)))).toBeCloseTo(vol, 8);
    }
  });

  it('says below_intrinsic for a price under the discounted intrinsic value', () => {
    const result = impliedVol({
      price: 1.5,
      spot: 42,
      strike: 40,
      timeYears: 0.5,
      rate: 0.1,
      dividendYield: 0,
      type: 'call',
    });
    expect(result).toMatchObject({ ok: false, reason: 'below_intrinsic' });
  });

  it('says below_intrinsic for an out-of-the-money option priced at zero', () => {
    const result = impliedVol({
      price: 0,
      spot: 100,
      strike: 120,
      timeYears: 0.1,
      rate: 0.05,
      dividendYield: 0,
      type: 'call',
    });
    expect(result).toMatchObject({ ok: false, reason: 'below_intrinsic' });
  });

  it('says above_max_price for a call above the spot or above the price at 500 % vol', () => {
    const base = { spot: 100, strike: 100, timeYears: 0.25, rate: 0.05, dividendYield: 0, type: 'call' as const };
    expect(impliedVol({ ...base, price: 101 })).toMatchObject({ ok: false, reason: 'above_max_price' });
    const at500 = bsmPrice({ ...base, vol: 5 });
    expect(impliedVol({ ...base, price: at500 + 0.01 })).toMatchObject({ ok: false, reason: 'above_max_price' });
    expect(solvedVol(impliedVol({ ...base, price: at500 - 0.01 }))).toBeLessThan(5);
  });

  it('says invalid_input for non-positive or non-finite inputs', () => {
    const base = {
      price: 2,
      spot: 100,
      strike: 100,
      timeYears: 0.25,
      rate: 0.05,
      dividendYield: 0,
      type: 'put' as const,
    };
    for (const change of [
      { timeYears: 0 },
      { timeYears: -0.1 },
      { spot: 0 },
      { strike: -5 },
      { price: -1 },
      { price: Number.NaN },
      { rate: Number.POSITIVE_INFINITY },
      { rate: 1e6 },
    ]) {
      expect(impliedVol({ ...base, ...change })).toMatchObject({ ok: false, reason: 'invalid_input' });
    }
    expect(impliedVol(base, { minVol: 0 })).toMatchObject({ ok: false, reason: 'invalid_input' });
  });

  it('says no_convergence when the iteration budget is too small', () => {
    const input: BsmInput = {
      spot: 100,
      strike: 130,
      timeYears: 0.1,
      rate: 0.05,
      dividendYield: 0,
      vol: 0.7,
      type: 'call',
    };
    expect(impliedVol(quote(input), { maxIterations: 3 })).toMatchObject({ ok: false, reason: 'no_convergence' });
  });

  it('honours a looser price tolerance', () => {
    const input: BsmInput = {
      spot: 100,
      strike: 100,
      timeYears: 1,
      rate: 0.05,
      dividendYield: 0,
      vol: 0.25,
      type: 'call',
    };
    const loose = impliedVol(quote(input), { priceTolerance: 1e-2, relativeTolerance: 1e-2 });
    const tight = impliedVol(quote(input));
    expect(loose.ok && tight.ok && loose.iterations).toBeLessThanOrEqual(tight.ok ? tight.iterations : 0);
    expect(solvedVol(loose)).toBeCloseTo(0.25, 3);
  });
});
