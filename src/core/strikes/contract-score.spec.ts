import { deltaBandDistance, spreadPct } from './contract-checks';
import type { ScoreInput } from './contract-score';
import { deltaFit, logScaled, scoreContract } from './contract-score';
import { DEFAULT_STRIKE_CONFIG } from './strike.config';
import { deltaFromIv } from './strike.deps';

const base: ScoreInput = {
  absDelta: 0.5,
  deltaMin: 0.45,
  deltaMax: 0.55,
  deltaTolerance: 0.15,
  spreadPct: 1,
  maxSpreadPct: 10,
  openInterest: 10_000,
  volume: 5_000,
  dte: 7,
  targetDte: 7,
  dteSpan: 16,
  weights: DEFAULT_STRIKE_CONFIG.weights,
  liquidityReference: DEFAULT_STRIKE_CONFIG.liquidityReference,
};

describe('spreadPct', () => {
  it('is (ask - bid) / mid in percent', () => {
    expect(spreadPct(1.9, 2.1)).toBeCloseTo(10, 9);
  });

  it('is null without a usable two-sided quote', () => {
    expect(spreadPct(null, 2)).toBeNull();
    expect(spreadPct(2, null)).toBeNull();
    expect(spreadPct(0, 0.05)).toBeNull();
    expect(spreadPct(2.1, 2)).toBeNull();
  });
});

describe('deltaFit', () => {
  it('is 1 at the band centre, at least 0.8 inside, at most 0.6 outside and 0 past the tolerance', () => {
    expect(deltaFit(0.5, 0.45, 0.55, 0.15)).toBe(1);
    expect(deltaFit(0.55, 0.45, 0.55, 0.15)).toBeCloseTo(0.8, 9);
    expect(deltaFit(0.5501, 0.45, 0.55, 0.15)).toBeLessThanOrEqual(0.6);
    expect(deltaFit(0.7, 0.45, 0.55, 0.15)).toBeCloseTo(0, 9);
    expect(deltaFit(0.75, 0.45, 0.55, 0.15)).toBe(0);
    expect(deltaBandDistance(0.4, 0.45, 0.55)).toBeCloseTo(0.05, 9);
    expect(deltaBandDistance(0.5, 0.45, 0.55)).toBe(0);
  });
});

describe('scoreContract', () => {
  it('gives 100 to the ideal contract and less for each shortfall', () => {
    expect(scoreContract({ ...base, spreadPct: 0 })).toBeCloseTo(100, 9);
    const ideal = scoreContract(base);
    expect(scoreContract({ ...base, absDelta: 0.6 })).toBeLessThan(ideal);
    expect(scoreContract({ ...base, spreadPct: 5 })).toBeLessThan(ideal);
    expect(scoreContract({ ...base, openInterest: 200 })).toBeLessThan(ideal);
    expect(scoreContract({ ...base, dte: 14 })).toBeLessThan(ideal);
  });

  it('scales open interest and volume logarithmically, unreported counting as none', () => {
    expect(logScaled(null, 10_000)).toBe(0);
    expect(logScaled(100_000, 10_000)).toBe(1);
    expect(logScaled(100, 10_000)).toBeCloseTo(Math.log(101) / Math.log(10_001), 9);
  });
});

describe('deltaFromIv', () => {
  it('gives a call delta near 0.5 at the money and a put delta of call - 1', () => {
    const call = deltaFromIv({ type: 'call', spot: 595.42, strike: 596, years: 7 / 365, iv: 0.16, rate: 0.04 });
    const put = deltaFromIv({ type: 'put', spot: 595.42, strike: 596, years: 7 / 365, iv: 0.16, rate: 0.04 });
    expect(call).toBeGreaterThan(0.45);
    expect(call).toBeLessThan(0.55);
    expect((put ?? 0) - (call ?? 0)).toBeCloseTo(-1, 9);
  });

  it('is null when it cannot be computed', () => {
    expect(deltaFromIv({ type: 'call', spot: 595, strike: 596, years: 0, iv: 0.16, rate: 0.04 })).toBeNull();
    expect(deltaFromIv({ type: 'call', spot: 595, strike: 596, years: 0.1, iv: 0, rate: 0.04 })).toBeNull();
  });
});
