import type { EffectiveGating, UnifiedBiasState } from '../core/bias';

/** camelCase -> snake_case for object keys, deeply (values are left alone: '5m' stays '5m'). */
export function snakeKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(snakeKeys);
  }
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      out[key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)] = snakeKeys(inner);
    }
    return out;
  }
  return value;
}

function gatingView(gating: EffectiveGating): Record<string, unknown> {
  return {
    trade_suppressed: gating.tradeSuppressed,
    suppression_reasons: gating.reasons,
    effective_confidence: gating.effectiveConfidence,
    risk_multiplier_long: gating.riskMultiplier.long,
    risk_multiplier_short: gating.riskMultiplier.short,
  };
}

function stalenessView(gating: EffectiveGating): Record<string, unknown> {
  const { ageSeconds, stale, level, action } = gating.staleness;
  return { age_seconds: ageSeconds, stale, level, action };
}

/** One row of GET /api/bias/summary. */
export function summaryItemView(state: UnifiedBiasState, gating: EffectiveGating): Record<string, unknown> {
  return {
    symbol: state.symbol,
    direction: state.direction,
    bias_score: state.biasScore,
    confidence: state.confidence,
    regime: state.regime,
    macro_class: state.macroClass,
    mode_hint: state.modeHint,
    chop_score: state.chopScore,
    staleness: stalenessView(gating),
    ...gatingView(gating),
    source: state.source,
    updated_at: state.updatedAt,
  };
}

/** GET /api/bias/:symbol: the whole state in snake_case (minus the idempotency window), with its gating. */
export function stateView(state: UnifiedBiasState, gating: EffectiveGating): Record<string, unknown> {
  const { recentEventIds: _ids, ...rest } = state;
  return {
    ...(snakeKeys(rest) as Record<string, unknown>),
    staleness: stalenessView(gating),
    gating: gatingView(gating),
  };
}
