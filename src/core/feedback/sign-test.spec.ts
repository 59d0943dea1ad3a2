import { signTestPValue } from './sign-test';

describe('signTestPValue', () => {
  it('matches the exact binomial tails', () => {
    expect(signTestPValue(0, 10)).toBeCloseTo(2 / 1024, 12);
    expect(signTestPValue(10, 10)).toBeCloseTo(2 / 1024, 12);
    expect(signTestPValue(2, 10)).toBeCloseTo(112 / 1024, 12);
    expect(signTestPValue(8, 10)).toBeCloseTo(112 / 1024, 12);
    expect(signTestPValue(5, 10)).toBe(1);
    expect(signTestPValue(1, 1)).toBe(1);
  });

  it('is 1 without trials and stays finite for many pairs', () => {
    expect(signTestPValue(0, 0)).toBe(1);
    const p = signTestPValue(400, 1000);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1e-9);
    expect(signTestPValue(0, 5000)).toBe(0);
  });

  it('rejects impossible counts', () => {
    expect(() => signTestPValue(3, 2)).toThrow(RangeError);
    expect(() => signTestPValue(-1, 2)).toThrow(RangeError);
  });
});
