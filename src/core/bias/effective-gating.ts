import type { BiasConfig } from './bias.config';
import type { Staleness, StalenessAction, UnifiedBiasState } from './bias.types';
import { riskMultiplierFromState } from './risk-multiplier';
import { computeStaleness, stalenessAction } from './staleness';

export interface EffectiveGating {
  /** No new entries on this symbol (either direction) while true (spec: mtfBias.tradeSuppressed -> HOLD). */
  tradeSuppressed: boolean;
  /** Why trading is suppressed: bias_stale, chop_high, macro_conflict, mode_hint_no_trade. Empty when not. */
  reasons: string[];
  staleness: Staleness & { action: StalenessAction };
  /** 0..100: the state's confidence after staleness (× reduceMultiplier when reducing, 0 when blocked). */
  effectiveConfidence: number;
  /** The size multiplier for each direction (0 = that direction is blocked). */
  riskMultiplier: { long: number; short: number };
}

/**
 * Whether the bias state lets new trades through now (the spec's effective-gating.ts, with staleness folded in):
 * - staleness: fresh (< 15 min) allows, aging (15-60 min) reduces, stale (> 60 min) blocks (config.staleness);
 * - chop at or above config.gating.chopSuppressThreshold (75) suppresses;
 * - macro against the state's direction (RISK_OFF while bullish, RISK_ON while bearish) suppresses;
 * - a NO_TRADE mode hint suppresses.
 */
export function effectiveGating(state: UnifiedBiasState, now: Date, config: BiasConfig): EffectiveGating {
  const staleness = computeStaleness(state.updatedAt, now, config);
  const action = stalenessAction(staleness, config);
  const reasons: string[] = [];
  if (action === 'block') {
    reasons.push('bias_stale');
  }
  if (state.chopScore >= config.gating.chopSuppressThreshold) {
    reasons.push('chop_high');
  }
  if (
    config.gating.suppressOnMacroConflict &&
    ((state.macroClass === 'RISK_OFF' && state.direction === 'bullish') ||
      (state.macroClass === 'RISK_ON' && state.direction === 'bearish'))
  ) {
    reasons.push('macro_conflict');
  }
  if (config.gating.suppressOnNoTradeHint && state.modeHint === 'NO_TRADE') {
    reasons.push('mode_hint_no_trade');
  }
  const factor = action === 'block' ? 0 : action === 'reduce' ? config.staleness.reduceMultiplier : 1;
  return {
    tradeSuppressed: reasons.length > 0,
    reasons,
    staleness: { ...staleness, action },
    effectiveConfidence: Math.round(state.confidence * factor * 10) / 10,
    riskMultiplier: {
      long: riskMultiplierFromState(state, 'long', now, config).multiplier,
      short: riskMultiplierFromState(state, 'short', now, config).multiplier,
    },
  };
}
