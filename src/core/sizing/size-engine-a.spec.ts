import fc from 'fast-check';

import { sizeEngineA, type EngineASizingInput } from './size-engine-a';

const TRACE: EngineASizingInput = {
  maxPositionSize: 10,
  dealerPosition: 'long_gamma',
  biasRiskMultiplier: 0.8,
  confluence: { enabled: false, score: 72, basePositionSize: 1 },
  caps: { maxPositionSize: 10 },
};

describe('sizeEngineA', () => {
  it('reproduces the spec trace: floor(floor(10 × 1.25) × 0.8) = 9', () => {
    const result = sizeEngineA(TRACE);
    expect(result.quantity).toBe(9);
    expect(result.steps.map((s) => [s.step, s.value])).toEqual([
      ['base', 10],
      ['gamma', 12],
      ['bias', 9],
      ['minimum', 9],
      ['cap_max_position_size', 9],
    ]);
    expect(result.reasons).toEqual(['bias_reduced']);
  });

  it('when short gamma then 10 becomes 6', () => {
    expect(sizeEngineA({ ...TRACE, dealerPosition: 'short_gamma', biasRiskMultiplier: 1 }).quantity).toBe(6);
  });

  it('when neutral or unknown gamma then the base is kept', () => {
    expect(sizeEngineA({ ...TRACE, dealerPosition: 'neutral', biasRiskMultiplier: 1 }).quantity).toBe(10);
    const unknown = sizeEngineA({ ...TRACE, dealerPosition: null, biasRiskMultiplier: 1 });
    expect(unknown.quantity).toBe(10);
    expect(unknown.reasons).toContain('gamma_regime_unknown');
  });

  it('when bias is 0.5 then long gamma 12 halves to 6', () => {
    expect(sizeEngineA({ ...TRACE, biasRiskMultiplier: 0.5 }).quantity).toBe(6);
  });

  it('when bias is missing then it counts as 1 and says so', () => {
    const result = sizeEngineA({ ...TRACE, biasRiskMultiplier: null });
    expect(result.quantity).toBe(10);
    expect(result.reasons).toContain('bias_multiplier_missing');
  });

  it('when bias multiplier is 0 then the trade is blocked with quantity 0', () => {
    const result = sizeEngineA({ ...TRACE, biasRiskMultiplier: 0 });
    expect(result.quantity).toBe(0);
    expect(result.reasons).toContain('bias_blocked');
    expect(result.steps.at(-1)).toMatchObject({ step: 'bias', value: 0 });
  });

  it('when the product floors to 0 then at least 1 contract is kept', () => {
    const result = sizeEngineA({
      ...TRACE,
      maxPositionSize: 1,
      dealerPosition: 'short_gamma',
      biasRiskMultiplier: 0.25,
    });
    expect(result.quantity).toBe(1);
    expect(result.reasons).toContain('raised_to_minimum');
  });

  it('when caps.maxPositionSize is lower then it caps the quantity', () => {
    const result = sizeEngineA({ ...TRACE, biasRiskMultiplier: 1, caps: { maxPositionSize: 10 } });
    expect(result.quantity).toBe(10);
    expect(result.reasons).toContain('capped_max_position_size');
    expect(sizeEngineA({ ...TRACE, caps: { maxPositionSize: 5 } }).quantity).toBe(5);
  });

  it('when exposure is limited then quantity is floor(remaining / (price × 100))', () => {
    const caps = { maxPositionSize: 10, remainingExposureDollars: 2500, contractPrice: 3.45 };
    const result = sizeEngineA({ ...TRACE, caps });
    expect(result.quantity).toBe(7); // 2500 / 345 = 7.2
    expect(result.reasons).toContain('capped_exposure');
    expect(result.steps.at(-1)).toMatchObject({ step: 'cap_exposure', value: 7 });
  });

  it('when no exposure remains then the trade is blocked despite the minimum', () => {
    const caps = { maxPositionSize: 10, remainingExposureDollars: 300, contractPrice: 3.45 };
    const result = sizeEngineA({ ...TRACE, caps });
    expect(result.quantity).toBe(0);
    expect(result.reasons).toContain('exposure_cap_exhausted');
  });

  it('when the contract is unpriced then the exposure cap is skipped with a reason', () => {
    const result = sizeEngineA({ ...TRACE, caps: { maxPositionSize: 10, remainingExposureDollars: 100 } });
    expect(result.quantity).toBe(9);
    expect(result.reasons).toContain('exposure_cap_unpriced');
  });

  it('when SPLIT_CAPITAL gives a 0.5 share then the exposure cap halves', () => {
    const full = { maxPositionSize: 10, remainingExposureDollars: 4000, contractPrice: 2 };
    expect(sizeEngineA({ ...TRACE, caps: full }).quantity).toBe(9); // 4000 / 200 = 20, the bias step wins
    expect(sizeEngineA({ ...TRACE, caps: { ...full, capitalShare: 0.5 } }).quantity).toBe(9); // 10
    const tight = { ...full, remainingExposureDollars: 1000 };
    expect(sizeEngineA({ ...TRACE, caps: tight }).quantity).toBe(5); // 1000 / 200
    expect(sizeEngineA({ ...TRACE, caps: { ...tight, capitalShare: 0.5 } }).quantity).toBe(2); // 500 / 200 = 2.5
  });

  describe('confluence sizing', () => {
    const on = (score: number | null, basePositionSize = 1): EngineASizingInput => ({
      ...TRACE,
      confluence: { enabled: true, score, basePositionSize },
    });

    it('when the score is 70 then the size is unchanged', () => {
      expect(sizeEngineA(on(70)).quantity).toBe(9);
    });

    it('when the trace score 72 applies then 9 stays 9 (factor 1.029)', () => {
      expect(sizeEngineA(on(72)).quantity).toBe(9);
    });

    it('when the score is low then the size is at most halved', () => {
      const result = sizeEngineA(on(20));
      expect(result.quantity).toBe(4); // floor(9 × 0.5)
      expect(result.reasons).toContain('confluence_reduced');
    });

    it('when the score is high then the size grows by at most a quarter, within the cap', () => {
      expect(sizeEngineA({ ...on(100), caps: { maxPositionSize: 20 } }).quantity).toBe(11); // floor(9 × 1.25)
      expect(sizeEngineA(on(100)).quantity).toBe(10);
    });

    it('when confluence shrinks below BASE_POSITION_SIZE then it is raised to it', () => {
      const result = sizeEngineA({ ...on(10, 5), biasRiskMultiplier: 0.5 }); // floor(6 × 0.5) = 3 → 5
      expect(result.quantity).toBe(5);
      expect(result.reasons).toContain('raised_to_base_position_size');
    });

    it('when the score is missing then the size is unchanged with a reason', () => {
      const result = sizeEngineA(on(null));
      expect(result.quantity).toBe(9);
      expect(result.reasons).toContain('confluence_score_missing');
    });
  });

  it('never exceeds the max position size nor goes below 1 unless blocked', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.constantFrom('long_gamma' as const, 'short_gamma' as const, 'neutral' as const, null),
        fc.double({ min: 0.01, max: 1.25, noNaN: true }),
        fc.option(fc.integer({ min: 0, max: 100 })),
        (max, dealerPosition, bias, score) => {
          const result = sizeEngineA({
            maxPositionSize: max,
            dealerPosition,
            biasRiskMultiplier: bias,
            confluence: { enabled: true, score, basePositionSize: 1 },
            caps: { maxPositionSize: max },
          });
          expect(result.quantity).toBeGreaterThanOrEqual(1);
          expect(result.quantity).toBeLessThanOrEqual(max);
          expect(Number.isInteger(result.quantity)).toBe(true);
        },
      ),
    );
  });
});
