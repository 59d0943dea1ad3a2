import {
  boundedStep,
  DEFAULT_TUNER_CONFIG,
  tune,
  tuningWindow,
  validateTunerConfig,
  type TunerConfig,
} from './adaptive-tuner';
import { MINUTE, outcome, T0 } from './feedback.fixtures';
import type { TradeOutcome } from './trade-outcome';

const config: TunerConfig = { ...DEFAULT_TUNER_CONFIG, enabled: true, minSamples: 10, lookbackTrades: 500 };
const current = {
  confidenceHardFloor: 20,
  confidenceSoftFloor: 40,
  regimeRiskMultipliers: { TRENDING: 1, RANGING: 1, VOLATILE: 1, UNKNOWN: 1 },
};
const NOW = T0 + 1_000 * MINUTE;

/** n outcomes with the given pnls cycled, spaced a minute apart. */
function series(n: number, pnls: number[], overrides: Partial<TradeOutcome>): TradeOutcome[] {
  return Array.from({ length: n }, (_, i) =>
    outcome({ pnl: pnls[i % pnls.length], closedAtMs: T0 + i * MINUTE, ...overrides }),
  );
}

describe('tune', () => {
  it('when_disabled_then_changes_nothing', () => {
    const result = tune(series(100, [-100], { entryRegime: 'TRENDING' }), current, DEFAULT_TUNER_CONFIG, NOW);
    expect(result).toEqual({ changes: [], parameters: current, skipped: ['disabled'] });
    expect(result.parameters).not.toBe(current);
  });

  it('when_a_regime_loses_below_target_then_cuts_its_multiplier_one_step', () => {
    // 3 wins of 10 (30% < 45%), expectancy (3 x 50 - 7 x 40) / 10 = -13
    const losing = series(10, [50, -40, -40, 50, -40, -40, 50, -40, -40, -40], { entryRegime: 'RANGING' });
    const result = tune(losing, current, config, NOW);
    expect(result.changes).toEqual([
      {
        key: 'regimeRiskMultipliers.RANGING',
        oldValue: 1,
        newValue: 0.9,
        reason: expect.stringMatching(/^negative expectancy below target win rate: expectancy -13.00/),
        samples: 10,
      },
    ]);
    expect(result.parameters.regimeRiskMultipliers).toEqual({ TRENDING: 1, RANGING: 0.9, VOLATILE: 1, UNKNOWN: 1 });
    expect(result.skipped).toContain('insufficient_samples:regimeRiskMultipliers.TRENDING:0/10');
  });

  it('when_a_regime_is_clearly_positive_then_raises_its_multiplier', () => {
    const winning = series(12, [100, 80, -20], { entryRegime: 'TRENDING' });
    const result = tune(winning, current, config, NOW);
    expect(result.parameters.regimeRiskMultipliers.TRENDING).toBe(1.1);
  });

  it('when_positive_but_not_significant_then_holds', () => {
    const noisy = series(10, [300, -250], { entryRegime: 'TRENDING' });
    const result = tune(noisy, current, config, NOW);
    expect(result.changes).toEqual([]);
    expect(result.skipped.some((s) => s.startsWith('no_change:regimeRiskMultipliers.TRENDING:neutral'))).toBe(true);
  });

  it('when_below_min_samples_then_never_changes_the_key', () => {
    const result = tune(series(9, [-100], { entryRegime: 'RANGING', entryConfidence: 22 }), current, config, NOW);
    expect(result.changes).toEqual([]);
    expect(result.skipped).toEqual(
      expect.arrayContaining([
        'insufficient_samples:confidenceHardFloor:9/10',
        'insufficient_samples:regimeRiskMultipliers.RANGING:9/10',
      ]),
    );
  });

  it('maps a null regime to UNKNOWN and reports regimes without a multiplier', () => {
    const result = tune(
      [...series(10, [-10], { entryRegime: null }), ...series(3, [5], { entryRegime: 'CHOP' })],
      current,
      config,
      NOW,
    );
    expect(result.parameters.regimeRiskMultipliers.UNKNOWN).toBe(0.9);
    expect(result.skipped).toContain('untracked_regime:CHOP:3');
  });

  it('stops at the bound', () => {
    const atFloor = { ...current, regimeRiskMultipliers: { RANGING: 0.55 } };
    const losing = series(10, [-10], { entryRegime: 'RANGING' });
    expect(tune(losing, atFloor, config, NOW).parameters.regimeRiskMultipliers.RANGING).toBe(0.5);
    const atMin = { ...current, regimeRiskMultipliers: { RANGING: 0.5 } };
    const held = tune(losing, atMin, config, NOW);
    expect(held.changes).toEqual([]);
    expect(held.skipped.some((s) => s.startsWith('no_change:regimeRiskMultipliers.RANGING:at_bound'))).toBe(true);
  });

  it('when_trades_just_above_the_hard_floor_lose_then_raises_it', () => {
    const result = tune(series(10, [-20, 10, -20], { entryConfidence: 25 }), current, config, NOW);
    expect(result.parameters.confidenceHardFloor).toBe(25);
    expect(result.changes[0]).toMatchObject({ key: 'confidenceHardFloor', oldValue: 20, newValue: 25, samples: 10 });
    expect(result.changes[0].reason).toMatch(/^losing trades just above the floor: confidence \[20.0, 30.0\)/);
  });

  it('raises the soft floor with the hard one when the hard floor would pass it', () => {
    const close = { ...current, confidenceHardFloor: 38, confidenceSoftFloor: 40 };
    // bucket [38, 48) loses: hard 38 -> 43 (hard bounds widened to 60); the soft floor follows to 43
    const wide = { ...config, bounds: { ...config.bounds, confidenceHardFloor: [10, 60] as const } };
    const result = tune(series(10, [-5], { entryConfidence: 39 }), close, wide, NOW);
    expect(result.parameters.confidenceHardFloor).toBe(43);
    expect(result.parameters.confidenceSoftFloor).toBe(43);
    expect(result.changes.find((c) => c.key === 'confidenceSoftFloor')).toMatchObject({
      oldValue: 40,
      newValue: 43,
      reason: 'kept_at_or_above_hard_floor',
    });
  });

  it('caps the hard floor at the soft floor when the soft floor cannot rise further', () => {
    const close = { ...current, confidenceHardFloor: 58, confidenceSoftFloor: 60 };
    const wide = { ...config, bounds: { ...config.bounds, confidenceHardFloor: [10, 80] as const } };
    const result = tune(series(10, [-5], { entryConfidence: 59 }), close, wide, NOW);
    expect(result.parameters.confidenceHardFloor).toBe(60);
    expect(result.parameters.confidenceSoftFloor).toBe(60);
  });

  it('lowers a floor over a clearly profitable bucket only when allowed', () => {
    const winners = series(10, [30, 40], { entryConfidence: 42 });
    expect(tune(winners, current, config, NOW).parameters.confidenceSoftFloor).toBe(40);
    const allowed = tune(winners, current, { ...config, lowerFloorsWhenProfitable: true }, NOW);
    expect(allowed.parameters.confidenceSoftFloor).toBe(35);
  });

  it('ignores outcomes without confidence for the floors', () => {
    const result = tune(series(20, [-5], {}), current, config, NOW);
    expect(result.parameters.confidenceHardFloor).toBe(20);
    expect(result.skipped).toContain('insufficient_samples:confidenceHardFloor:0/10');
  });

  it('clamps out-of-bounds parameters into bounds without tuning them that run', () => {
    const wild = { confidenceHardFloor: 5, confidenceSoftFloor: 90, regimeRiskMultipliers: { TRENDING: 3 } };
    const result = tune(series(10, [-5], { entryConfidence: 12, entryRegime: 'TRENDING' }), wild, config, NOW);
    expect(result.parameters).toEqual({
      confidenceHardFloor: 10,
      confidenceSoftFloor: 60,
      regimeRiskMultipliers: { TRENDING: 1.5 },
    });
    expect(result.changes.map((c) => c.reason)).toEqual([
      'clamped_into_bounds [10, 40]',
      'clamped_into_bounds [30, 60]',
      'clamped_into_bounds [0.5, 1.5]',
    ]);
  });

  it('restores soft >= hard when the current parameters invert them', () => {
    const inverted = { ...current, confidenceHardFloor: 35, confidenceSoftFloor: 32 };
    const result = tune([], inverted, config, NOW);
    expect(result.parameters.confidenceSoftFloor).toBe(35);
    expect(result.changes).toEqual([
      { key: 'confidenceSoftFloor', oldValue: 32, newValue: 35, reason: 'raised_to_hard_floor', samples: 0 },
    ]);
  });

  it('refuses an invalid config or parameter', () => {
    const bad = tune([], current, { ...config, minSamples: 0 }, NOW);
    expect(bad.changes).toEqual([]);
    expect(bad.skipped).toEqual(['invalid_config:minSamples must be an integer >= 1']);
    const nan = tune([], { ...current, confidenceHardFloor: NaN }, config, NOW);
    expect(nan.skipped).toEqual(['invalid_parameter:confidenceHardFloor']);
  });

  it('learns only from the configured sources and engines, closed by now, most recent first', () => {
    const mixed = [
      ...series(10, [-5], { entryRegime: 'RANGING', source: 'shadow' }),
      ...series(10, [-5], { entryRegime: 'RANGING', engine: 'B' }),
      ...series(10, [-5], { entryRegime: 'RANGING', closedAtMs: NOW + 1 }),
    ];
    expect(tune(mixed, current, config, NOW).changes).toEqual([]);
    const window = tuningWindow(
      series(5, [1, 2, 3, 4, 5], { entryRegime: 'RANGING' }),
      { ...config, lookbackTrades: 2 },
      NOW,
    );
    expect(window.map((o) => o.pnl)).toEqual([4, 5]);
  });
});

describe('boundedStep', () => {
  it('rounds toward the old value and never overshoots', () => {
    expect(boundedStep(1, true, 0.1, [0.5, 1.5], 2)?.toNumber()).toBe(1.1);
    expect(boundedStep(0.335, false, 0.1, [0.2, 1.5], 2)?.toNumber()).toBe(0.24);
    expect(boundedStep(20.5, true, 0.3, [0, 100], 0)).toBeNull();
    expect(boundedStep(1.5, true, 0.1, [0.5, 1.5], 2)).toBeNull();
  });
});

describe('validateTunerConfig', () => {
  it('accepts the defaults', () => {
    expect(validateTunerConfig(DEFAULT_TUNER_CONFIG)).toEqual([]);
  });

  it('rejects bounds that leave no room for soft >= hard', () => {
    const problems = validateTunerConfig({
      ...DEFAULT_TUNER_CONFIG,
      bounds: { ...DEFAULT_TUNER_CONFIG.bounds, confidenceHardFloor: [70, 80] },
    });
    expect(problems).toEqual(['bounds.confidenceHardFloor min must not exceed bounds.confidenceSoftFloor max']);
  });
});
