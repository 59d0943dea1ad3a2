import Decimal from 'decimal.js';
import { summarizePnl, tStatistic, type PnlStats } from './outcome-stats';
import {
  byCloseOrder,
  UNKNOWN_GROUP,
  type OutcomeEngine,
  type OutcomeSource,
  type TradeOutcome,
} from './trade-outcome';

/** The parameters the tuner may move. Multipliers: 1 = neutral; keys are regimes (TRENDING, ..., UNKNOWN). */
export interface TunableParameters {
  confidenceHardFloor: number;
  confidenceSoftFloor: number;
  regimeRiskMultipliers: Record<string, number>;
}

export type Range = readonly [min: number, max: number];

export interface TunerConfig {
  enabled: boolean;
  /** Outcomes a key needs (per floor bucket, per regime) before it may move. */
  minSamples: number;
  /** The most recent outcomes (after filtering) considered. */
  lookbackTrades: number;
  /** Largest move per run: confidence points for the floors, multiplier units for the regimes. */
  maxStepPerRun: { confidence: number; regimeRiskMultiplier: number };
  bounds: { confidenceHardFloor: Range; confidenceSoftFloor: Range; regimeRiskMultiplier: Range };
  /** Win rate (0-100) a group must reach to be raised; below it, with negative expectancy, it is cut. */
  targetWinRate: number;
  /** t statistic of the group's pnl a raise needs ("clearly positive"). */
  raiseMinTStat: number;
  /** Width in confidence points of the bucket just above each floor. */
  floorBucketWidth: number;
  /** Whether a clearly profitable bucket just above a floor lowers that floor (otherwise floors only rise). */
  lowerFloorsWhenProfitable: boolean;
  /** Outcome sources and engines the tuner learns from. */
  sources: readonly OutcomeSource[];
  engines: readonly OutcomeEngine[];
}

export interface TuningChange {
  key: string;
  oldValue: number;
  newValue: number;
  reason: string;
  samples: number;
}

export interface TuningResult {
  changes: TuningChange[];
  parameters: TunableParameters;
  /** Why keys did not move: disabled, invalid_config:..., insufficient_samples:<key>:<n>/<min>, no_change:<key>:... */
  skipped: string[];
}

/** Confidence floors move on whole points; multipliers on hundredths. */
export const CONFIDENCE_DECIMALS = 0;
export const MULTIPLIER_DECIMALS = 2;

export const HARD_FLOOR_KEY = 'confidenceHardFloor';
export const SOFT_FLOOR_KEY = 'confidenceSoftFloor';
export const regimeKey = (regime: string): string => `regimeRiskMultipliers.${regime}`;

/** Off by default: tuning is opted into. Floors start from Engine A's 20 / 40 (docs/engine-a-rules.md). */
export const DEFAULT_TUNER_CONFIG: Readonly<TunerConfig> = Object.freeze({
  enabled: false,
  minSamples: 30,
  lookbackTrades: 200,
  maxStepPerRun: Object.freeze({ confidence: 5, regimeRiskMultiplier: 0.1 }),
  bounds: Object.freeze({
    confidenceHardFloor: Object.freeze([10, 40] as const),
    confidenceSoftFloor: Object.freeze([30, 60] as const),
    regimeRiskMultiplier: Object.freeze([0.5, 1.5] as const),
  }),
  targetWinRate: 45,
  raiseMinTStat: 1.5,
  floorBucketWidth: 10,
  lowerFloorsWhenProfitable: false,
  sources: Object.freeze(['live'] as const),
  engines: Object.freeze(['A'] as const),
});

/** Config problems; tuning does nothing while there are any. */
export function validateTunerConfig(config: TunerConfig): string[] {
  const problems: string[] = [];
  const finite = (value: number): boolean => Number.isFinite(value);
  if (!Number.isInteger(config.minSamples) || config.minSamples < 1) {
    problems.push('minSamples must be an integer >= 1');
  }
  if (!Number.isInteger(config.lookbackTrades) || config.lookbackTrades < 1) {
    problems.push('lookbackTrades must be an integer >= 1');
  }
  for (const [name, step] of Object.entries(config.maxStepPerRun)) {
    if (!finite(step) || step < 0) {
      problems.push(`maxStepPerRun.${name} must be finite and >= 0`);
    }
  }
  for (const [name, [min, max]] of Object.entries(config.bounds)) {
    if (!finite(min) || !finite(max) || min > max) {
      problems.push(`bounds.${name} must be finite with min <= max`);
    }
  }
  if (config.bounds.confidenceHardFloor[0] > config.bounds.confidenceSoftFloor[1]) {
    problems.push('bounds.confidenceHardFloor min must not exceed bounds.confidenceSoftFloor max');
  }
  if (!finite(config.targetWinRate) || config.targetWinRate < 0 || config.targetWinRate > 100) {
    problems.push('targetWinRate must be within 0-100');
  }
  if (Number.isNaN(config.raiseMinTStat)) {
    problems.push('raiseMinTStat must be a number');
  }
  if (!finite(config.floorBucketWidth) || config.floorBucketWidth <= 0) {
    problems.push('floorBucketWidth must be finite and > 0');
  }
  return problems;
}

type Verdict = { kind: 'negative' | 'positive' | 'neutral'; detail: string; stats: PnlStats };

const fmt = (value: number | null, digits = 2): string =>
  value === null ? 'n/a' : Number.isFinite(value) ? value.toFixed(digits) : String(value);

/**
 * negative: expectancy < 0 and win rate < target. positive: expectancy > 0, win rate >= target and
 * t = mean / (stdev / sqrt(n)) >= raiseMinTStat. Otherwise neutral.
 */
export function judgeGroup(pnls: readonly number[], config: TunerConfig): Verdict {
  const stats = summarizePnl(pnls);
  const expectancy = stats.expectancy ?? 0;
  const winRate = stats.winRate ?? 0;
  const t = tStatistic(pnls);
  const detail =
    `expectancy ${fmt(expectancy)}/trade, win rate ${fmt(winRate, 1)}% (target ${fmt(config.targetWinRate, 1)}%), ` +
    `t ${fmt(t)} over ${stats.trades} trades`;
  if (expectancy < 0 && winRate < config.targetWinRate) {
    return { kind: 'negative', detail, stats };
  }
  if (expectancy > 0 && winRate >= config.targetWinRate && t !== null && t >= config.raiseMinTStat) {
    return { kind: 'positive', detail, stats };
  }
  return { kind: 'neutral', detail, stats };
}

/**
 * One bounded step from `old` (assumed within bounds): target = clamp(old ± step, min, max), rounded to `decimals`
 * toward `old` (floor when rising, ceiling when falling); null when that does not move in the intended direction.
 */
export function boundedStep(
  old: number,
  up: boolean,
  step: number,
  [min, max]: Range,
  decimals: number,
): Decimal | null {
  const start = new Decimal(old);
  const raw = (up ? start.plus(step) : start.minus(step)).clamp(min, max);
  const rounded = raw.toDecimalPlaces(decimals, up ? Decimal.ROUND_FLOOR : Decimal.ROUND_CEIL);
  const moved = up ? rounded.gt(start) : rounded.lt(start);
  return moved ? rounded : null;
}

/** Chronologically the most recent `lookbackTrades` outcomes of the configured sources and engines closed by now. */
export function tuningWindow(outcomes: readonly TradeOutcome[], config: TunerConfig, nowMs: number): TradeOutcome[] {
  const eligible = outcomes.filter(
    (o) =>
      config.sources.includes(o.source) &&
      config.engines.includes(o.engine) &&
      Number.isFinite(o.pnl) &&
      o.closedAtMs <= nowMs,
  );
  return eligible.sort(byCloseOrder).slice(-config.lookbackTrades);
}

class ChangeLog {
  private readonly entries = new Map<string, TuningChange>();

  record(key: string, oldValue: number, newValue: number, reason: string, samples: number): void {
    const previous = this.entries.get(key);
    if (previous === undefined) {
      this.entries.set(key, { key, oldValue, newValue, reason, samples });
    } else {
      this.entries.set(key, {
        ...previous,
        newValue,
        reason: `${previous.reason}; ${reason}`,
        samples: Math.max(previous.samples, samples),
      });
    }
  }

  list(): TuningChange[] {
    return [...this.entries.values()].filter((c) => c.oldValue !== c.newValue);
  }
}

/** Clamps out-of-bounds floors and restores soft >= hard; returns whether anything moved. */
function sanitizeFloors(params: TunableParameters, config: TunerConfig, log: ChangeLog): boolean {
  const [hMin, hMax] = config.bounds.confidenceHardFloor;
  const [sMin, sMax] = config.bounds.confidenceSoftFloor;
  const hard0 = params.confidenceHardFloor;
  const soft0 = params.confidenceSoftFloor;
  let hard = Math.min(Math.max(hard0, hMin), hMax);
  let soft = Math.min(Math.max(soft0, sMin), sMax);
  if (hard !== hard0) {
    log.record(HARD_FLOOR_KEY, hard0, hard, `clamped_into_bounds [${hMin}, ${hMax}]`, 0);
  }
  if (soft !== soft0) {
    log.record(SOFT_FLOOR_KEY, soft0, soft, `clamped_into_bounds [${sMin}, ${sMax}]`, 0);
  }
  if (soft < hard) {
    const before = soft;
    soft = Math.min(hard, sMax);
    log.record(SOFT_FLOOR_KEY, before, soft, 'raised_to_hard_floor', 0);
  }
  if (soft < hard) {
    const before = hard;
    hard = soft;
    log.record(HARD_FLOOR_KEY, before, hard, 'capped_at_soft_floor', 0);
  }
  params.confidenceHardFloor = hard;
  params.confidenceSoftFloor = soft;
  return hard !== hard0 || soft !== soft0;
}

interface FloorProposal {
  value: Decimal;
  samples: number;
}

function proposeFloor(
  key: string,
  floor: number,
  range: Range,
  window: readonly TradeOutcome[],
  config: TunerConfig,
  log: ChangeLog,
  skipped: string[],
): FloorProposal {
  const low = floor;
  const high = floor + config.floorBucketWidth;
  const bucket = window.filter(
    (o) =>
      o.entryConfidence !== null &&
      o.entryConfidence !== undefined &&
      o.entryConfidence >= low &&
      o.entryConfidence < high,
  );
  const unchanged = { value: new Decimal(floor), samples: bucket.length };
  if (bucket.length < config.minSamples) {
    skipped.push(`insufficient_samples:${key}:${bucket.length}/${config.minSamples}`);
    return unchanged;
  }
  const verdict = judgeGroup(
    bucket.map((o) => o.pnl),
    config,
  );
  const bucketText = `confidence [${fmt(low, 1)}, ${fmt(high, 1)})`;
  const raise = verdict.kind === 'negative';
  const lower = verdict.kind === 'positive' && config.lowerFloorsWhenProfitable;
  if (!raise && !lower) {
    skipped.push(`no_change:${key}:${verdict.kind} (${bucketText}: ${verdict.detail})`);
    return unchanged;
  }
  const next = boundedStep(floor, raise, config.maxStepPerRun.confidence, range, CONFIDENCE_DECIMALS);
  if (next === null) {
    skipped.push(`no_change:${key}:at_bound_or_step_too_small (${bucketText}: ${verdict.detail})`);
    return unchanged;
  }
  const why = raise ? 'losing trades just above the floor' : 'clearly profitable trades just above the floor';
  log.record(key, floor, next.toNumber(), `${why}: ${bucketText}, ${verdict.detail}`, bucket.length);
  return { value: next, samples: bucket.length };
}

function tuneFloors(
  params: TunableParameters,
  window: readonly TradeOutcome[],
  config: TunerConfig,
  log: ChangeLog,
  skipped: string[],
): void {
  const hard0 = params.confidenceHardFloor;
  const soft0 = params.confidenceSoftFloor;
  const step = config.maxStepPerRun.confidence;
  const sMax = config.bounds.confidenceSoftFloor[1];
  const hard = proposeFloor(HARD_FLOOR_KEY, hard0, config.bounds.confidenceHardFloor, window, config, log, skipped);
  const soft = proposeFloor(SOFT_FLOOR_KEY, soft0, config.bounds.confidenceSoftFloor, window, config, log, skipped);
  let hardValue = hard.value;
  let softValue = soft.value;
  if (softValue.lt(hardValue)) {
    const lifted = Decimal.min(hardValue, new Decimal(soft0).plus(step), sMax);
    log.record(SOFT_FLOOR_KEY, softValue.toNumber(), lifted.toNumber(), 'kept_at_or_above_hard_floor', hard.samples);
    softValue = lifted;
  }
  if (softValue.lt(hardValue)) {
    log.record(HARD_FLOOR_KEY, hardValue.toNumber(), softValue.toNumber(), 'capped_at_soft_floor', hard.samples);
    hardValue = softValue;
  }
  params.confidenceHardFloor = hardValue.toNumber();
  params.confidenceSoftFloor = softValue.toNumber();
}

function tuneRegimes(
  params: TunableParameters,
  window: readonly TradeOutcome[],
  config: TunerConfig,
  log: ChangeLog,
  skipped: string[],
): void {
  const range = config.bounds.regimeRiskMultiplier;
  const [min, max] = range;
  const byRegime = new Map<string, number[]>();
  for (const outcome of window) {
    const regime = outcome.entryRegime ?? UNKNOWN_GROUP;
    byRegime.set(regime, [...(byRegime.get(regime) ?? []), outcome.pnl]);
  }
  for (const regime of [...byRegime.keys()].sort()) {
    if (!(regime in params.regimeRiskMultipliers)) {
      skipped.push(`untracked_regime:${regime}:${byRegime.get(regime)?.length ?? 0}`);
    }
  }
  for (const regime of Object.keys(params.regimeRiskMultipliers).sort()) {
    const key = regimeKey(regime);
    const old = params.regimeRiskMultipliers[regime];
    const clamped = Math.min(Math.max(old, min), max);
    if (clamped !== old) {
      log.record(key, old, clamped, `clamped_into_bounds [${min}, ${max}]`, 0);
      params.regimeRiskMultipliers[regime] = clamped;
      continue;
    }
    const pnls = byRegime.get(regime) ?? [];
    if (pnls.length < config.minSamples) {
      skipped.push(`insufficient_samples:${key}:${pnls.length}/${config.minSamples}`);
      continue;
    }
    const verdict = judgeGroup(pnls, config);
    if (verdict.kind === 'neutral') {
      skipped.push(`no_change:${key}:neutral (${verdict.detail})`);
      continue;
    }
    const up = verdict.kind === 'positive';
    const next = boundedStep(old, up, config.maxStepPerRun.regimeRiskMultiplier, range, MULTIPLIER_DECIMALS);
    if (next === null) {
      skipped.push(`no_change:${key}:at_bound_or_step_too_small (${verdict.detail})`);
      continue;
    }
    const why = up ? 'clearly positive regime' : 'negative expectancy below target win rate';
    log.record(key, old, next.toNumber(), `${why}: ${verdict.detail}`, pnls.length);
    params.regimeRiskMultipliers[regime] = next.toNumber();
  }
}

function invalidParameters(current: TunableParameters): string[] {
  const values: [string, number][] = [
    [HARD_FLOOR_KEY, current.confidenceHardFloor],
    [SOFT_FLOOR_KEY, current.confidenceSoftFloor],
    ...Object.entries(current.regimeRiskMultipliers).map(([regime, v]): [string, number] => [regimeKey(regime), v]),
  ];
  return values.filter(([, v]) => !Number.isFinite(v)).map(([key]) => `invalid_parameter:${key}`);
}

function copyParameters(current: TunableParameters): TunableParameters {
  return {
    confidenceHardFloor: current.confidenceHardFloor,
    confidenceSoftFloor: current.confidenceSoftFloor,
    regimeRiskMultipliers: { ...current.regimeRiskMultipliers },
  };
}

/**
 * The AdaptiveTuner (spec section 11): moves the confidence floors and the regime risk multipliers from realized
 * outcomes, one bounded step per run. Pure and deterministic (input order does not matter); rules and formulas in
 * docs/performance-feedback.md. The caller stores `changes` in `bias_adaptive_config_history`.
 */
export function tune(
  outcomes: readonly TradeOutcome[],
  current: TunableParameters,
  config: TunerConfig,
  nowMs: number,
): TuningResult {
  const parameters = copyParameters(current);
  if (!config.enabled) {
    return { changes: [], parameters, skipped: ['disabled'] };
  }
  const problems = [...validateTunerConfig(config).map((p) => `invalid_config:${p}`), ...invalidParameters(current)];
  if (!Number.isFinite(nowMs)) {
    problems.push('invalid_now');
  }
  if (problems.length > 0) {
    return { changes: [], parameters, skipped: problems };
  }
  const log = new ChangeLog();
  const skipped: string[] = [];
  const window = tuningWindow(outcomes, config, nowMs);
  if (sanitizeFloors(parameters, config, log)) {
    skipped.push('no_change:confidence floors:sanitized this run');
  } else {
    tuneFloors(parameters, window, config, log, skipped);
  }
  tuneRegimes(parameters, window, config, log, skipped);
  return { changes: log.list(), parameters, skipped };
}
