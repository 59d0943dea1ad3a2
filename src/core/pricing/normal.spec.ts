import fc from 'fast-check';

import { normCdf, normPdf } from './normal';

/** Φ(z) from mpmath.ncdf at 40 significant digits, rounded to the nearest double. */
const REFERENCE: Array<[number, number]> = [
  [-37, 5.725571222524577e-300],
  [-20, 2.7536241186062337e-89],
  [-10, 7.619853024160525e-24],
  [-8, 6.220960574271784e-16],
  [-5, 2.866515718791939e-7],
  [-3, 0.0013498980316300946],
  [-2.5, 0.006209665325776135],
  [-1.96, 0.024997895148220435],
  [-1, 0.15865525393145705],
  [-0.5, 0.3085375387259869],
  [0, 0.5],
  [0.25, 0.5987063256829237],
  [1, 0.8413447460685429],
  [1.5, 0.9331927987311419],
  [2.8, 0.997444869669572],
  [3.5, 0.9997673709209645],
  [6, 0.9999999990134123],
  [8.3, 1.0],
];

describe('normCdf', () => {
  it.each(REFERENCE)('Φ(%p) matches the 40-digit reference to 1e-15 absolute', (z, expected) => {
    expect(Math.abs(normCdf(z) - expected)).toBeLessThan(1e-15);
  });

  it.each(REFERENCE.filter(([z]) => z < 0))(
    'Φ(%p) matches the reference to 1e-13 relative in the tail',
    (z, expected) => {
      expect(Math.abs(normCdf(z) / expected - 1)).toBeLessThan(1e-13);
    },
  );

  it('is 0 and 1 at the infinities and far tails, never NaN', () => {
    expect(normCdf(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(normCdf(Number.POSITIVE_INFINITY)).toBe(1);
    expect(normCdf(-1e300)).toBe(0);
    expect(normCdf(1e300)).toBe(1);
  });

  it('is symmetric: Φ(z) + Φ(−z) = 1', () => {
    fc.assert(
      fc.property(fc.double({ min: -40, max: 40, noNaN: true }), (z) => {
        expect(Math.abs(normCdf(z) + normCdf(-z) - 1)).toBeLessThan(4e-16);
      }),
      { numRuns: 2000 },
    );
  });

  it('is non-decreasing and within [0, 1]', () => {
    fc.assert(
      fc.property(fc.double({ min: -40, max: 40, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (z, h) => {
        const value = normCdf(z);
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
        expect(normCdf(z + h)).toBeGreaterThanOrEqual(value);
      }),
      { numRuns: 2000 },
    );
  });

  it('is continuous where the series hands over to the continued fraction (|z| = 2√2)', () => {
    for (const z of [2 * Math.SQRT2, -2 * Math.SQRT2]) {
      const below = normCdf(z * (1 - 1e-15));
      const above = normCdf(z * (1 + 1e-15));
      expect(Math.abs(above - below)).toBeLessThan(1e-15);
    }
  });

  it('has the density as its derivative', () => {
    for (const z of [-6, -3, -2.83, -1, 0, 0.7, 2, 2.83, 4]) {
      const h = 1e-5;
      const slope = (normCdf(z + h) - normCdf(z - h)) / (2 * h);
      expect(Math.abs(slope - normPdf(z))).toBeLessThan(1e-10);
    }
  });
});
