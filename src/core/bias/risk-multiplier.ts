import type { BiasConfig } from './bias.config';
import type { UnifiedBiasState } from './bias.types';
import { computeStaleness, stalenessAction } from './staleness';

export type TradeDirection = 'long' | 'short';

export type AlignmentTier = 'aligned_strong' | 'aligned_moderate' | 'neutral' | 'opposing' | 'opposing_strong';

export interface RiskFactor {
  name: string;
  value: number;
}

export interface RiskMultiplierDecision {
  /** 0 when blocked; otherwise within [config.risk.floor, config.risk.cap]. Two decimals. */
  multiplier: number;
  blocked: boolean;
  tier: AlignmentTier;
  /** Every factor applied, in order: the multiplier is their product, clamped. */
  factors: RiskFactor[];
  /** Machine-readable codes for blocks and reductions. */
  reasons: string[];
}

function tierOf(state: UnifiedBiasState, direction: TradeDirection, config: BiasConfig): AlignmentTier {
  const side = direction === 'long' ? 'bullish' : 'bearish';
  const strength = Math.abs(state.biasScore);
  if (state.direction === 'neutral') {
    return 'neutral';
  }
  if (state.direction === side) {
    return strength >= config.risk.strongScore && state.confidence >= config.risk.strongConfidence
      ? 'aligned_strong'
      : 'aligned_moderate';
  }
  return strength >= config.risk.opposingBlockScore ? 'opposing_strong' : 'opposing';
}

/**
 * The bias position-size multiplier for a trade in `direction` (the spec's getRiskMultiplierFromState):
 * base by alignment (aligned-strong 1.0, aligned-moderate 0.8, neutral 0.6, opposing 0.5, strongly opposing blocked),
 * boosts only for aligned-strong (macro on the trade's side ×1.15, trending ×1.1), penalties for any tier (macro
 * against ×0.75, chop ≥ 60 ×0.75, volatile ×0.85, bias weakening fast ×0.85, aging state ×0.5), clamped to
 * [0.25, 1.25]; a stale state (by default) or a strongly opposing one blocks: 0. Thresholds: config.risk.
 */
export function riskMultiplierFromState(
  state: UnifiedBiasState,
  direction: TradeDirection,
  now: Date,
  config: BiasConfig,
): RiskMultiplierDecision {
  const risk = config.risk;
  const tier = tierOf(state, direction, config);
  const factors: RiskFactor[] = [];
  const reasons: string[] = [];
  const action = stalenessAction(computeStaleness(state.updatedAt, now, config), config);
  if (action === 'block') {
    reasons.push('bias_stale');
  }
  if (tier === 'opposing_strong') {
    reasons.push('bias_opposes_trade');
  }
  if (reasons.length > 0) {
    return { multiplier: 0, blocked: true, tier, factors: [{ name: 'blocked', value: 0 }], reasons };
  }

  const base: Record<AlignmentTier, number> = {
    aligned_strong: risk.alignedStrong,
    aligned_moderate: risk.alignedModerate,
    neutral: risk.neutral,
    opposing: risk.opposing,
    opposing_strong: 0,
  };
  factors.push({ name: tier, value: base[tier] });
  if (tier === 'opposing') {
    reasons.push('bias_against_trade');
  }

  const macroWith = direction === 'long' ? 'RISK_ON' : 'RISK_OFF';
  const macroAgainst = direction === 'long' ? 'RISK_OFF' : 'RISK_ON';
  if (tier === 'aligned_strong') {
    if (state.macroClass === macroWith) {
      factors.push({ name: 'macro_aligned', value: risk.macroAlignedBoost });
    }
    if (state.regime === 'TRENDING') {
      factors.push({ name: 'trend_aligned', value: risk.trendAlignedBoost });
    }
  }
  if (state.macroClass === macroAgainst) {
    factors.push({ name: 'macro_conflict', value: risk.macroConflictMultiplier });
    reasons.push('macro_conflict');
  }
  if (state.chopScore >= risk.chopHighThreshold) {
    factors.push({ name: 'chop_high', value: risk.chopMultiplier });
    reasons.push('chop_high');
  }
  if (state.regime === 'VOLATILE') {
    factors.push({ name: 'volatile', value: risk.volatileMultiplier });
    reasons.push('regime_volatile');
  }
  const aligned = tier === 'aligned_strong' || tier === 'aligned_moderate';
  if (aligned && state.acceleration.stateStrengthDelta <= risk.weakeningThreshold) {
    factors.push({ name: 'bias_weakening', value: risk.weakeningMultiplier });
    reasons.push('bias_weakening');
  }
  if (action === 'reduce') {
    factors.push({ name: 'bias_aging', value: config.staleness.reduceMultiplier });
    reasons.push('bias_aging');
  }
  const product = factors.reduce((acc, f) => acc * f.value, 1);
  const multiplier = Math.round(Math.max(risk.floor, Math.min(risk.cap, product)) * 100) / 100;
  return { multiplier, blocked: false, tier, factors, reasons };
}
