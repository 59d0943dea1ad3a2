import Decimal from 'decimal.js';
import fc from 'fast-check';

import { tune, type TunableParameters, type TunerConfig } from './adaptive-tuner';
import type { TradeOutcome } from './trade-outcome';

const REGIMES = ['TRENDING', 'RANGING', 'VOLATILE', 'UNKNOWN'] as const;
const T0 = Date.UTC(2026, 1, 13, 15, 30);

const outcomeArb: fc.Arbitrary<TradeOutcome> = fc.record({
  positionId: fc.uuid(),
  signalId: fc.constant(null),
  symbol: fc.constant('SPY'),
  direction: fc.constantFrom('long' as const, 'short' as const),
  engine: fc.constantFrom('A' as const, 'B' as const),
  source: fc.constantFrom('live' as const, 'shadow' as const),
  pnl: fc.oneof(fc.integer({ min: -2_000, max: 2_000 }), fc.double({ min: -5_000, max: 5_000, noNaN: true })),
  pnlPercent: fc.constant(0),
  pnlR: fc.double({ min: -100, max: 100, noNaN: true }),
  durationMinutes: fc.integer({ min: 0, max: 400 }),
  exitReasonCodes: fc.constant([]),
  entryBiasScore: fc.constant(null),
  entryMacroClass: fc.constant(null),
  entryRegime: fc.constantFrom<string | null>(...REGIMES, null, 'CHOP'),
  entryIntent: fc.constant(null),
  entryAcceleration: fc.constant(null),
  closedAtMs: fc.integer({ min: T0, max: T0 + 30 * 86_400_000 }),
  entryConfidence: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
});

const rangeArb = (lo: number, hi: number, decimals: number): fc.Arbitrary<[number, number]> =>
  fc
    .tuple(
      fc.integer({ min: lo * 10 ** decimals, max: hi * 10 ** decimals }),
      fc.integer({ min: 0, max: 30 * 10 ** decimals }),
    )
    .map(([a, w]) => [a / 10 ** decimals, (a + w) / 10 ** decimals]);

const configArb: fc.Arbitrary<TunerConfig> = fc
  .record({
    hard: rangeArb(0, 50, 0),
    softWidth: fc.integer({ min: 0, max: 40 }),
    softOffset: fc.integer({ min: 0, max: 20 }),
    mult: rangeArb(0.2, 1.5, 2),
    confidenceStep: fc.oneof(fc.integer({ min: 0, max: 10 }), fc.double({ min: 0, max: 10, noNaN: true })),
    multiplierStep: fc.oneof(fc.constantFrom(0.05, 0.1, 0.25), fc.double({ min: 0, max: 0.5, noNaN: true })),
    minSamples: fc.integer({ min: 1, max: 20 }),
    lookbackTrades: fc.integer({ min: 1, max: 200 }),
    targetWinRate: fc.integer({ min: 0, max: 100 }),
    raiseMinTStat: fc.double({ min: -1, max: 3, noNaN: true }),
    floorBucketWidth: fc.integer({ min: 1, max: 30 }),
    lowerFloorsWhenProfitable: fc.boolean(),
  })
  .map((r) => {
    const softMin = r.hard[0] + r.softOffset;
    return {
      enabled: true,
      minSamples: r.minSamples,
      lookbackTrades: r.lookbackTrades,
      maxStepPerRun: { confidence: r.confidenceStep, regimeRiskMultiplier: r.multiplierStep },
      bounds: {
        confidenceHardFloor: r.hard,
        confidenceSoftFloor: [softMin, softMin + r.softWidth] as [number, number],
        regimeRiskMultiplier: r.mult,
      },
      targetWinRate: r.targetWinRate,
      raiseMinTStat: r.raiseMinTStat,
      floorBucketWidth: r.floorBucketWidth,
      lowerFloorsWhenProfitable: r.lowerFloorsWhenProfitable,
      sources: ['live', 'shadow'] as const,
      engines: ['A', 'B'] as const,
    };
  });

const within = (value: number, [min, max]: readonly [number, number]): boolean => value >= min && value <= max;
const pick = (t: number, [min, max]: readonly [number, number]): number => min + t * (max - min);

/** A config with parameters inside its bounds and soft >= hard. */
const caseArb = configArb.chain((config) =>
  fc
    .record({
      hard: fc.double({ min: 0, max: 1, noNaN: true }),
      soft: fc.double({ min: 0, max: 1, noNaN: true }),
      multipliers: fc.tuple(...REGIMES.map(() => fc.double({ min: 0, max: 1, noNaN: true }))),
      integral: fc.boolean(),
    })
    .map(({ hard, soft, multipliers, integral }) => {
      const round = (v: number, d: number): number => (integral ? new Decimal(v).toDecimalPlaces(d).toNumber() : v);
      const [hMin, hMax] = config.bounds.confidenceHardFloor;
      const [sMin, sMax] = config.bounds.confidenceSoftFloor;
      let h = Math.min(Math.max(round(pick(hard, [hMin, hMax]), 0), hMin), hMax);
      let s = Math.min(Math.max(round(pick(soft, [sMin, sMax]), 0), sMin), sMax);
      if (s < h) {
        h = Math.max(hMin, Math.min(h, s));
        s = Math.max(s, h);
      }
      const params: TunableParameters = {
        confidenceHardFloor: h,
        confidenceSoftFloor: s,
        regimeRiskMultipliers: Object.fromEntries(
          REGIMES.map((regime, i) => {
            const m = round(pick(multipliers[i], config.bounds.regimeRiskMultiplier), 2);
            return [
              regime,
              Math.min(Math.max(m, config.bounds.regimeRiskMultiplier[0]), config.bounds.regimeRiskMultiplier[1]),
            ];
          }),
        ),
      };
      return { config, params };
    }),
);

const stepOk = (oldValue: number, newValue: number, step: number): boolean =>
  new Decimal(newValue).minus(oldValue).abs().lte(step);

describe('AdaptiveTuner properties', () => {
  const now = T0 + 31 * 86_400_000;

  it('keeps every parameter within bounds, soft >= hard, and moves each by at most one step', () => {
    let runsWithChanges = 0;
    fc.assert(
      fc.property(caseArb, fc.array(outcomeArb, { maxLength: 150, size: 'max' }), ({ config, params }, outcomes) => {
        fc.pre(params.confidenceSoftFloor >= params.confidenceHardFloor);
        const { parameters, changes } = tune(outcomes, params, config, now);
        runsWithChanges += changes.length > 0 ? 1 : 0;
        const b = config.bounds;
        expect(within(parameters.confidenceHardFloor, b.confidenceHardFloor)).toBe(true);
        expect(within(parameters.confidenceSoftFloor, b.confidenceSoftFloor)).toBe(true);
        expect(parameters.confidenceSoftFloor).toBeGreaterThanOrEqual(parameters.confidenceHardFloor);
        expect(
          stepOk(params.confidenceHardFloor, parameters.confidenceHardFloor, config.maxStepPerRun.confidence),
        ).toBe(true);
        expect(
          stepOk(params.confidenceSoftFloor, parameters.confidenceSoftFloor, config.maxStepPerRun.confidence),
        ).toBe(true);
        expect(Object.keys(parameters.regimeRiskMultipliers).sort()).toEqual([...REGIMES].sort());
        for (const regime of REGIMES) {
          const value = parameters.regimeRiskMultipliers[regime];
          expect(within(value, b.regimeRiskMultiplier)).toBe(true);
          expect(stepOk(params.regimeRiskMultipliers[regime], value, config.maxStepPerRun.regimeRiskMultiplier)).toBe(
            true,
          );
        }
        for (const change of changes) {
          expect(change.oldValue).not.toBe(change.newValue);
          expect(change.samples).toBeGreaterThanOrEqual(config.minSamples);
        }
      }),
      { numRuns: 300 },
    );
    expect(runsWithChanges).toBeGreaterThan(25); // about 60 of 300 runs move something;
  });

  it('changes nothing when disabled', () => {
    fc.assert(
      fc.property(caseArb, fc.array(outcomeArb, { maxLength: 80 }), ({ config, params }, outcomes) => {
        const result = tune(outcomes, params, { ...config, enabled: false }, now);
        expect(result.changes).toEqual([]);
        expect(result.parameters).toEqual(params);
      }),
    );
  });

  it('changes nothing with fewer outcomes than minSamples', () => {
    fc.assert(
      fc.property(caseArb, fc.array(outcomeArb, { maxLength: 40 }), ({ config, params }, outcomes) => {
        fc.pre(params.confidenceSoftFloor >= params.confidenceHardFloor);
        const result = tune(outcomes.slice(0, config.minSamples - 1), params, config, now);
        expect(result.changes).toEqual([]);
        expect(result.parameters).toEqual(params);
      }),
    );
  });

  it('does not depend on the order of the outcomes', () => {
    fc.assert(
      fc.property(caseArb, fc.array(outcomeArb, { maxLength: 80 }), ({ config, params }, outcomes) => {
        const forward = tune(outcomes, params, config, now);
        const backward = tune([...outcomes].reverse(), params, config, now);
        expect(backward).toEqual(forward);
      }),
    );
  });
});
