import type { BiasGateResult } from '../core/bias';

/**
 * The bias risk multiplier sizing applies when the bias gate is not a hard requirement: no state, or a stale one
 * (old news, not a view), sizes at 1; a live state sizes by its multiplier, and a live state the gate holds (trade
 * suppressed, or strongly against the trade) gives 0, so sizing blocks with `bias_blocked`. A live bias against a
 * trade never makes it larger than one with it.
 */
export function biasSizeMultiplier(bias: BiasGateResult, hasState: boolean): number {
  if (bias.pass) {
    return bias.riskMultiplier;
  }
  return !hasState || bias.code === 'bias_stale' ? 1 : 0;
}
