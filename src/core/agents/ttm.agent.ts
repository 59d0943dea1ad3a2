import { ttmSqueeze } from '../indicators';
import type { AgentContext } from './agent-context';
import { SPEC_CONFIDENCE_BOUNDS, type AgentBias, type AgentDescriptor, type AgentOutput } from './agent.types';
import { agentVote, biasOfSign, finiteOrNull } from './agent-vote';

/**
 * TTMSpecialist (spec section 6, specialist, ENABLE_TTM_SPECIALIST): TTM Squeeze state and momentum. Confidence
 * stays within the spec's 0-80 by construction (every path below sums to at most 80). Rules and reason codes:
 * docs/agents-rules.md.
 */
export const TTM_AGENT: AgentDescriptor = Object.freeze({
  name: 'ttm',
  type: 'specialist',
  featureFlag: 'ENABLE_TTM_SPECIALIST',
  confidenceBounds: SPEC_CONFIDENCE_BOUNDS.ttm,
});

/** Reason codes, stored and shown; never rename. */
export const TTM_REASONS = {
  squeezeFired: 'squeeze_fired',
  squeezeOn: 'squeeze_on',
  squeezeOff: 'squeeze_off',
  momentumBullish: 'momentum_bullish',
  momentumBearish: 'momentum_bearish',
  momentumFlat: 'momentum_flat',
  momentumAccelerating: 'momentum_accelerating',
  momentumFading: 'momentum_fading',
  strongMomentum: 'strong_momentum',
} as const;

export const TTM_AGENT_SETTINGS = Object.freeze({
  /** Base confidence per squeeze state (directional momentum). */
  firedBase: 60,
  offBase: 45,
  onBase: 35,
  /** Momentum growing in its own direction (bullish and rising, bearish and falling) / shrinking. */
  acceleratingBonus: 15,
  fadingPenalty: -10,
  /** |momentum| at or above this many ATR(14). */
  strongMomentumAtr: 0.5,
  strongMomentumBonus: 5,
  flatConfidence: 20,
});

type SqueezeState = 'fired' | 'on' | 'off';

/**
 * Null (not applicable) without a squeeze reading (fewer than 39 candles). "Fired" means the squeeze was on at the
 * previous candle (recomputed over all candles but the last) and is off now.
 */
export function runTtmAgent(ctx: AgentContext, _now: Date): AgentOutput | null {
  const squeeze = ctx.indicators?.squeeze ?? null;
  if (squeeze === null || !Number.isFinite(squeeze.momentum)) {
    return null;
  }
  const s = TTM_AGENT_SETTINGS;
  const r = TTM_REASONS;
  const previous = ctx.candles.length > 1 ? ttmSqueeze(ctx.candles.slice(0, -1)) : null;
  const wasOn = previous?.squeezeOn ?? null;
  const state: SqueezeState = squeeze.squeezeOn ? 'on' : wasOn === true ? 'fired' : 'off';
  const stateReason = state === 'fired' ? r.squeezeFired : state === 'on' ? r.squeezeOn : r.squeezeOff;
  const atr14 = finiteOrNull(ctx.indicators?.atr14);
  const metadata = {
    squeezeOn: squeeze.squeezeOn,
    previousSqueezeOn: wasOn,
    state,
    momentum: squeeze.momentum,
    momentumRising: squeeze.momentumRising,
    atr14,
  };

  const bias: AgentBias = biasOfSign(squeeze.momentum);
  if (bias === 'neutral') {
    return agentVote(TTM_AGENT, {
      bias,
      confidence: s.flatConfidence,
      reasons: [stateReason, r.momentumFlat],
      metadata,
    });
  }

  const reasons: string[] = [stateReason, bias === 'bullish' ? r.momentumBullish : r.momentumBearish];
  let confidence = state === 'fired' ? s.firedBase : state === 'on' ? s.onBase : s.offBase;
  if (squeeze.momentumRising !== null) {
    const accelerating = squeeze.momentumRising === (bias === 'bullish');
    reasons.push(accelerating ? r.momentumAccelerating : r.momentumFading);
    confidence += accelerating ? s.acceleratingBonus : s.fadingPenalty;
  }
  if (atr14 !== null && atr14 > 0 && Math.abs(squeeze.momentum) >= s.strongMomentumAtr * atr14) {
    reasons.push(r.strongMomentum);
    confidence += s.strongMomentumBonus;
  }
  return agentVote(TTM_AGENT, { bias, confidence, reasons, metadata });
}
