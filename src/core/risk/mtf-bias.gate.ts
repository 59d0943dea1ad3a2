import { RISK_CODES } from './risk-codes';
import { block, ok } from './risk.helpers';
import type { GateVerdict, RiskLimits, RiskSnapshot } from './risk.types';

/**
 * REQUIRE_MTF_BIAS_FOR_ENTRY (spec section 8): with it, no bias result holds, and a failing evaluateBiasGate result
 * (suppressed, stale, opposed) holds; the detail starts with the bias gate's own code. Without it, this gate passes
 * (the bias risk multiplier still applies in sizing).
 */
export function mtfBiasGate(snapshot: RiskSnapshot, limits: RiskLimits, _now: Date): GateVerdict {
  const bias = snapshot.biasGate;
  if (!limits.requireMtfBias) {
    return ok(`MTF bias not required${bias ? ` (${bias.code}: ${bias.detail})` : ''}`);
  }
  if (bias === null) {
    return block(RISK_CODES.mtfBiasBlocked, 'no_mtf_bias_state: no MTF bias state');
  }
  return bias.pass ? ok(bias.detail) : block(RISK_CODES.mtfBiasBlocked, `${bias.code}: ${bias.detail}`);
}
