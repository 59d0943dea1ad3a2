import type { BiasConfig } from './bias.config';
import type { UnifiedBiasState } from './bias.types';
import { effectiveGating } from './effective-gating';
import { riskMultiplierFromState, TradeDirection } from './risk-multiplier';

export interface BiasGateResult {
  pass: boolean;
  /** no_mtf_bias_state, bias_trade_suppressed, bias_stale, bias_opposes_trade; 'ok' when passing. */
  code: string;
  detail: string;
  /** The size multiplier to apply when passing (1 when no bias is required and none exists). */
  riskMultiplier: number;
}

/**
 * The MTF bias gate of the engines (spec sections 5 and 8), one rule: with REQUIRE_MTF_BIAS_FOR_ENTRY a missing
 * state holds; a suppressed or stale state holds; trading hard against a strong bias holds; otherwise pass with the
 * bias risk multiplier. Without the requirement, a missing state passes at 1.
 */
export function evaluateBiasGate(
  state: UnifiedBiasState | null,
  direction: TradeDirection,
  now: Date,
  config: BiasConfig,
  requireBias: boolean,
): BiasGateResult {
  if (state === null) {
    return requireBias
      ? { pass: false, code: 'no_mtf_bias_state', detail: 'no MTF bias state', riskMultiplier: 0 }
      : { pass: true, code: 'ok', detail: 'no MTF bias state (not required)', riskMultiplier: 1 };
  }
  const gating = effectiveGating(state, now, config);
  if (gating.reasons.includes('bias_stale')) {
    return {
      pass: false,
      code: 'bias_stale',
      detail: `bias state stale (${Math.round(gating.staleness.ageSeconds / 60)} min), blocking new trades`,
      riskMultiplier: 0,
    };
  }
  if (gating.tradeSuppressed) {
    return {
      pass: false,
      code: 'bias_trade_suppressed',
      detail: `trade suppressed by bias gating: ${gating.reasons.join(', ')}`,
      riskMultiplier: 0,
    };
  }
  const decision = riskMultiplierFromState(state, direction, now, config);
  if (decision.blocked) {
    return {
      pass: false,
      code: decision.reasons[0] ?? 'bias_opposes_trade',
      detail: `${direction} against a ${state.direction} bias of ${state.biasScore}`,
      riskMultiplier: 0,
    };
  }
  return {
    pass: true,
    code: 'ok',
    detail: `${state.direction} bias ${state.biasScore}, ${decision.tier}, multiplier ${decision.multiplier}`,
    riskMultiplier: decision.multiplier,
  };
}
