import type { AppMode, CapitalShare, ConcreteExecutionMode, ConfiguredExecutionMode, Engine } from './experiment.types';

export interface PolicyInput {
  /** The experiment variant (the preferred engine). */
  variant: Engine;
  engineAAvailable: boolean;
  /** False when ENABLE_VARIANT_B is off or Engine B is down. */
  engineBAvailable: boolean;
}

export interface PolicyConfig {
  /** EXECUTION_MODE (default `auto`). */
  executionMode: ConfiguredExecutionMode;
  appMode: AppMode;
  /** ENABLE_SHADOW_EXECUTION: the non-trading engine runs and its recommendation is shadow-traded. */
  enableShadowExecution: boolean;
  /** ENABLE_DUAL_PAPER_TRADING: in a *_PRIMARY mode the other engine places real paper orders too. */
  enableDualPaperTrading: boolean;
  /** SPLIT_CAPITAL_A_PERCENT (default 50): Engine A's share of capital in SPLIT_CAPITAL; B gets the rest. */
  splitCapitalAPercent: number;
}

export type PolicyReason =
  | 'app_mode_not_paper'
  | 'no_engine_available'
  | 'variant_engine_primary'
  | 'variant_b_unavailable_fallback_a'
  | 'engine_a_unavailable_no_fallback'
  | 'explicit_engine_a_primary'
  | 'explicit_engine_b_primary'
  | 'engine_b_unavailable_fallback_a'
  | 'explicit_shadow_only'
  | 'split_capital'
  | 'split_capital_b_unavailable_fallback_a'
  | 'split_capital_a_unavailable';

export interface ExecutionPolicy {
  executionMode: ConcreteExecutionMode;
  /** Engines whose approved recommendations become real paper orders. */
  executedEngines: Engine[];
  /** The engine run without orders of its own (recorded `is_shadow`, simulated when shadow execution is on). */
  shadowEngine: Engine | null;
  /** Fractions of the capital and exposure limits each engine sizes against (0 when it does not trade). */
  capitalShare: CapitalShare;
  reason: PolicyReason;
  /** Secondary codes: dual paper trading applied, shadow added, and so on. */
  notes: string[];
  detail: string;
}

const other = (engine: Engine): Engine => (engine === 'A' ? 'B' : 'A');

function available(input: PolicyInput, engine: Engine): boolean {
  return engine === 'A' ? input.engineAAvailable : input.engineBAvailable;
}

function shadowOnly(input: PolicyInput, reason: PolicyReason, detail: string): ExecutionPolicy {
  // Nothing trades; the variant's engine still runs so its decision is recorded (spec: is_shadow = true for all).
  const runnable = [input.variant, other(input.variant)].find((e) => available(input, e)) ?? null;
  return {
    executionMode: 'SHADOW_ONLY',
    executedEngines: [],
    shadowEngine: runnable,
    capitalShare: { A: 0, B: 0 },
    reason,
    notes: [],
    detail,
  };
}

/**
 * One engine primary with the full capital. The other engine, when available, either trades too
 * (ENABLE_DUAL_PAPER_TRADING: real paper orders, each engine sized against the full limits as if it ran alone; the
 * risk gates still see the combined open positions) or shadows (ENABLE_SHADOW_EXECUTION). Dual wins over shadow.
 */
function primary(
  input: PolicyInput,
  config: PolicyConfig,
  engine: Engine,
  reason: PolicyReason,
  detail: string,
): ExecutionPolicy {
  const second = other(engine);
  const notes: string[] = [];
  const executedEngines: Engine[] = [engine];
  let shadowEngine: Engine | null = null;
  if (available(input, second) && config.enableDualPaperTrading) {
    executedEngines.push(second);
    notes.push('dual_paper_trading');
  } else if (available(input, second) && config.enableShadowExecution) {
    shadowEngine = second;
    notes.push('shadow_execution');
  }
  const share = (e: Engine): number => (executedEngines.includes(e) ? 1 : 0);
  return {
    executionMode: engine === 'A' ? 'ENGINE_A_PRIMARY' : 'ENGINE_B_PRIMARY',
    executedEngines,
    shadowEngine,
    capitalShare: { A: share('A'), B: share('B') },
    reason,
    notes,
    detail,
  };
}

function splitCapital(input: PolicyInput, config: PolicyConfig): ExecutionPolicy {
  const aShare = config.splitCapitalAPercent / 100;
  if (!input.engineBAvailable) {
    return primary(
      input,
      config,
      'A',
      'split_capital_b_unavailable_fallback_a',
      'Engine B unavailable: A trades alone',
    );
  }
  if (!input.engineAAvailable) {
    // B keeps its own share only: the missing engine's capital stays idle rather than doubling B's risk.
    return {
      executionMode: 'SPLIT_CAPITAL',
      executedEngines: ['B'],
      shadowEngine: null,
      capitalShare: { A: 0, B: 1 - aShare },
      reason: 'split_capital_a_unavailable',
      notes: [],
      detail: `Engine A unavailable: B trades within its ${100 - config.splitCapitalAPercent}% share`,
    };
  }
  const capitalShare = { A: aShare, B: 1 - aShare };
  return {
    executionMode: 'SPLIT_CAPITAL',
    executedEngines: (['A', 'B'] as const).filter((e) => capitalShare[e] > 0),
    shadowEngine: null,
    capitalShare,
    reason: 'split_capital',
    notes: [],
    detail: `both engines trade: A ${config.splitCapitalAPercent}%, B ${100 - config.splitCapitalAPercent}% of capital`,
  };
}

/**
 * Execution policy (spec section 4 step 5, issue 4 "Experiments and policy").
 *
 * - Not PAPER → SHADOW_ONLY. No engine available → SHADOW_ONLY.
 * - `auto` (the spec's rule): the variant's engine is primary when available, else Engine A when available; B is never
 *   promoted as a fallback (variant A with A down → SHADOW_ONLY). The other engine shadows under
 *   ENABLE_SHADOW_EXECUTION.
 * - ENGINE_A_PRIMARY / ENGINE_B_PRIMARY: that engine whatever the variant; ENGINE_B_PRIMARY falls back to A when B is
 *   unavailable, ENGINE_A_PRIMARY with A down → SHADOW_ONLY (same fallback rule as auto).
 * - SHADOW_ONLY: nothing trades.
 * - SPLIT_CAPITAL: both trade, A with SPLIT_CAPITAL_A_PERCENT of capital, B the rest (see splitCapital for fallbacks).
 * - ENABLE_DUAL_PAPER_TRADING only changes the *_PRIMARY modes (auto included): the other engine, when available,
 *   places real paper orders too instead of shadowing. It has no effect in SHADOW_ONLY (nothing trades) or
 *   SPLIT_CAPITAL (both trade already).
 */
export function resolveExecutionPolicy(input: PolicyInput, config: PolicyConfig): ExecutionPolicy {
  const pct = config.splitCapitalAPercent;
  if (!Number.isFinite(pct) || pct < 0 || pct > 100) {
    throw new RangeError(`SPLIT_CAPITAL_A_PERCENT must be within [0, 100], got ${pct}`);
  }
  if (config.appMode !== 'PAPER') {
    return shadowOnly(input, 'app_mode_not_paper', `APP_MODE ${config.appMode}: only PAPER places orders`);
  }
  if (!input.engineAAvailable && !input.engineBAvailable) {
    return shadowOnly(input, 'no_engine_available', 'neither engine is available');
  }
  switch (config.executionMode) {
    case 'auto':
      if (available(input, input.variant)) {
        return primary(input, config, input.variant, 'variant_engine_primary', `variant ${input.variant} is primary`);
      }
      if (input.engineAAvailable) {
        return primary(input, config, 'A', 'variant_b_unavailable_fallback_a', 'Engine B unavailable: A is primary');
      }
      return shadowOnly(input, 'engine_a_unavailable_no_fallback', 'Engine A unavailable and B is never a fallback');
    case 'ENGINE_A_PRIMARY':
      if (!input.engineAAvailable) {
        return shadowOnly(input, 'engine_a_unavailable_no_fallback', 'ENGINE_A_PRIMARY but Engine A is unavailable');
      }
      return primary(input, config, 'A', 'explicit_engine_a_primary', 'EXECUTION_MODE=ENGINE_A_PRIMARY');
    case 'ENGINE_B_PRIMARY':
      if (!input.engineBAvailable) {
        return primary(input, config, 'A', 'engine_b_unavailable_fallback_a', 'ENGINE_B_PRIMARY but B unavailable');
      }
      return primary(input, config, 'B', 'explicit_engine_b_primary', 'EXECUTION_MODE=ENGINE_B_PRIMARY');
    case 'SHADOW_ONLY':
      return shadowOnly(input, 'explicit_shadow_only', 'EXECUTION_MODE=SHADOW_ONLY: nothing trades');
    case 'SPLIT_CAPITAL':
      return splitCapital(input, config);
  }
}
