import type { DeltaTier, StrikeSelectionConfig } from './strike.types';

/** The spec's confidence table (section 7): >= 70 high, 50-69 medium, < 50 low with a shorter expiration. */
export const SPEC_DELTA_TIERS: readonly DeltaTier[] = Object.freeze([
  { name: 'high', minConfidence: 70, deltaMin: 0.6, deltaMax: 0.7, dte: 'standard' },
  { name: 'medium', minConfidence: 50, deltaMin: 0.45, deltaMax: 0.55, dte: 'standard' },
  { name: 'low', minConfidence: 0, deltaMin: 0.4, deltaMax: 0.5, dte: 'shorter' },
]);

export const DEFAULT_STRIKE_CONFIG: Readonly<StrikeSelectionConfig> = Object.freeze({
  mode: 'delta',
  maxHoldDays: 5,
  minDteExit: 1,
  maxSpreadPct: 10,
  minOpenInterest: 100,
  minVolume: 10,
  deltaTargets: SPEC_DELTA_TIERS.map((tier) => ({ ...tier })),
  deltaTolerance: 0.15,
  defaultConfidence: 50,
  riskFreeRate: 0.04,
  strikeIncrement: 1,
  strikeIncrements: { SPX: 5, SPXW: 5, NDX: 10, NDXP: 10, RUT: 5, RUTW: 5 },
  weights: { delta: 50, spread: 20, liquidity: 15, dte: 15 },
  liquidityReference: { openInterest: 10_000, volume: 5_000 },
});

/** Defaults with `overrides` on top (nested objects replaced whole, except `weights` and `liquidityReference`). */
export function strikeConfig(overrides: Partial<StrikeSelectionConfig> = {}): StrikeSelectionConfig {
  return {
    ...DEFAULT_STRIKE_CONFIG,
    ...overrides,
    deltaTargets: (overrides.deltaTargets ?? DEFAULT_STRIKE_CONFIG.deltaTargets).map((tier) => ({ ...tier })),
    strikeIncrements: { ...(overrides.strikeIncrements ?? DEFAULT_STRIKE_CONFIG.strikeIncrements) },
    weights: { ...DEFAULT_STRIKE_CONFIG.weights, ...overrides.weights },
    liquidityReference: { ...DEFAULT_STRIKE_CONFIG.liquidityReference, ...overrides.liquidityReference },
  };
}

const isNonNegative = (value: number): boolean => Number.isFinite(value) && value >= 0;

/** Problems with a config, as reason strings; empty when it is usable. */
export function validateStrikeConfig(config: StrikeSelectionConfig): string[] {
  const problems: string[] = [];
  if (config.mode !== 'delta' && config.mode !== 'atm') {
    problems.push(`invalid_config:mode`);
  }
  const nonNegative: Array<[string, number]> = [
    ['maxHoldDays', config.maxHoldDays],
    ['minDteExit', config.minDteExit],
    ['minOpenInterest', config.minOpenInterest],
    ['minVolume', config.minVolume],
    ['deltaTolerance', config.deltaTolerance],
    ['riskFreeRate', config.riskFreeRate],
    ['liquidityReference.openInterest', config.liquidityReference.openInterest],
    ['liquidityReference.volume', config.liquidityReference.volume],
    ['weights.delta', config.weights.delta],
    ['weights.spread', config.weights.spread],
    ['weights.liquidity', config.weights.liquidity],
    ['weights.dte', config.weights.dte],
  ];
  for (const [name, value] of nonNegative) {
    if (!isNonNegative(value)) {
      problems.push(`invalid_config:${name}`);
    }
  }
  if (!Number.isInteger(config.maxHoldDays)) {
    problems.push('invalid_config:maxHoldDays (whole days)');
  }
  if (!(config.maxSpreadPct > 0)) {
    problems.push('invalid_config:maxSpreadPct');
  }
  if (!(config.defaultConfidence >= 0 && config.defaultConfidence <= 100)) {
    problems.push('invalid_config:defaultConfidence');
  }
  if (config.dteBand && !(isNonNegative(config.dteBand.min) && config.dteBand.max >= config.dteBand.min)) {
    problems.push('invalid_config:dteBand');
  }
  const increments = [config.strikeIncrement, ...Object.values(config.strikeIncrements)];
  if (increments.some((step) => !(step > 0 && Number.isFinite(step)))) {
    problems.push('invalid_config:strikeIncrement');
  }
  if (config.deltaTargets.length === 0 || !config.deltaTargets.some((tier) => tier.minConfidence <= 0)) {
    problems.push('invalid_config:deltaTargets (one row must start at confidence 0)');
  }
  for (const tier of config.deltaTargets) {
    if (!(tier.deltaMin > 0 && tier.deltaMax >= tier.deltaMin && tier.deltaMax < 1)) {
      problems.push(`invalid_config:deltaTargets.${tier.name}`);
    }
  }
  return problems;
}
