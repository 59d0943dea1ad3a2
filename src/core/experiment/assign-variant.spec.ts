import fc from 'fast-check';

import { assignmentHashOf, assignVariant, bucketOf } from './assign-variant';

const TRACE = { signalId: 'sig-001', symbol: 'SPY', timeframe: '5m' };
const TRACE_HASH = '911c431c389f2c8ee95b648038c647d4b904688dd267993fe8a50675c18e83d1';

describe('assignVariant', () => {
  it('hashes symbol:timeframe:signalId with SHA-256 and buckets the first 8 hex digits', () => {
    expect(assignmentHashOf(TRACE)).toBe(TRACE_HASH);
    const result = assignVariant(TRACE, { abSplitPercentage: 50, enableVariantB: true });
    expect(result.assignmentHash).toBe(TRACE_HASH);
    // The spec's trace prints bucket 0.34 as an illustration; the real SHA-256 gives 0x911c431c / 0xFFFFFFFF.
    expect(result.bucket).toBeCloseTo(0x911c431c / 0xffffffff, 12);
    expect(result.variant).toBe('B');
    expect(result.reason).toBe('bucket_in_split_to_b');
  });

  it('reproduces the trace: split 0 (splitToA 1.0) gives variant A', () => {
    const result = assignVariant(TRACE, { abSplitPercentage: 0, enableVariantB: true });
    expect(result).toMatchObject({ variant: 'A', splitToA: 1, splitPercentage: 0, reason: 'split_zero' });
  });

  it('is deterministic: the same signal always gets the same assignment', () => {
    const config = { abSplitPercentage: 37, enableVariantB: true };
    expect(assignVariant(TRACE, config)).toEqual(assignVariant(TRACE, config));
  });

  it('maps the bucket boundaries: 00000000 → 0 and ffffffff → 1', () => {
    expect(bucketOf('00000000' + 'a'.repeat(56))).toBe(0);
    expect(bucketOf('ffffffff' + '0'.repeat(56))).toBe(1);
  });

  it('routes to A when variant B is disabled, whatever the split', () => {
    const result = assignVariant(TRACE, { abSplitPercentage: 100, enableVariantB: false });
    expect(result).toMatchObject({ variant: 'A', reason: 'variant_b_disabled', splitPercentage: 100, splitToA: 1 });
  });

  it('sends every signal to A at split 0 and to B at split 100', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('SPY', 'QQQ'), fc.constantFrom('1m', '5m', '1h'), (id, sym, tf) => {
        const subject = { signalId: id, symbol: sym, timeframe: tf };
        expect(assignVariant(subject, { abSplitPercentage: 0, enableVariantB: true }).variant).toBe('A');
        expect(assignVariant(subject, { abSplitPercentage: 100, enableVariantB: true }).variant).toBe('B');
      }),
    );
  });

  it('rejects a split outside [0, 100]', () => {
    expect(() => assignVariant(TRACE, { abSplitPercentage: 101, enableVariantB: true })).toThrow(RangeError);
    expect(() => assignVariant(TRACE, { abSplitPercentage: Number.NaN, enableVariantB: true })).toThrow(RangeError);
  });

  it('sends about AB_SPLIT_PERCENTAGE percent of random signals to B', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.array(fc.uuid(), { minLength: 2000, maxLength: 2000 }),
        (split, ids) => {
          const toB = ids.filter(
            (signalId) =>
              assignVariant(
                { signalId, symbol: 'SPY', timeframe: '5m' },
                { abSplitPercentage: split, enableVariantB: true },
              ).variant === 'B',
          ).length;
          // 2000 draws: the standard deviation is at most ~1.1 points; allow 5 (over 4 sigma).
          expect(Math.abs((toB / ids.length) * 100 - split)).toBeLessThanOrEqual(5);
        },
      ),
      { numRuns: 20 },
    );
  });
});
