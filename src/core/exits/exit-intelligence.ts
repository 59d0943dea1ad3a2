import { exposureOf, hasTakenPartial } from './exit-math';
import type { ExitConfig } from './exit.config';
import type { ExitMarket, ExitPosition } from './exit.types';

export interface ExitIntelligenceResult {
  /** Close the whole position. */
  forceFullExit: boolean;
  /** Close this share of the position (absent when nothing or a full exit is forced). */
  forcePartialExit?: number;
  /** The code of the signal behind the forced action; null when nothing is forced. */
  code: string | null;
  /** When something is forced: one line per signal detected, in check order; empty otherwise. */
  reasons: readonly string[];
}

/** Nothing detected: shared and frozen, so the common case allocates nothing. */
export const NO_EXIT_INTELLIGENCE: ExitIntelligenceResult = Object.freeze({
  forceFullExit: false,
  code: null,
  reasons: Object.freeze([]),
});

export const INTEL_CODES = Object.freeze({
  biasFlip: 'intel_bias_flip',
  confidenceCollapse: 'intel_confidence_collapse',
  chopSpike: 'intel_chop_spike',
  regimeChange: 'intel_regime_change',
  escalation: 'intel_escalation',
});

/**
 * Bias-aware exit intelligence (spec section 10, `exit-intelligence.service.ts`), run before the exit rules. Compares
 * the bias captured at entry with the current one:
 * - bias flip: the current bias points against the position's exposure (long call / short put = bullish) with at least
 *   `biasFlipMinConfidence`, and did not already at entry -> full exit;
 * - confidence collapse: confidence fell by >= `confidenceCollapsePoints` since entry -> partial;
 * - chop spike: chop >= `chopSpikeThreshold` now, below it at entry -> partial;
 * - regime change: both regimes known and different -> partial.
 * `intelligenceEscalationCount` partial signals at once -> full exit. A partial signal whose code is in
 * `position.takenPartials` forces nothing again. Pure; allocates only when an exit is forced.
 */
export function evaluateExitIntelligence(
  position: ExitPosition,
  market: ExitMarket,
  config: ExitConfig,
): ExitIntelligenceResult {
  const now = market.bias;
  if (!now) {
    return NO_EXIT_INTELLIGENCE;
  }
  const entry = position.entryBias ?? null;
  const exposure = exposureOf(position);

  const flip =
    now.direction !== 'neutral' &&
    now.direction !== exposure &&
    now.confidence >= config.biasFlipMinConfidence &&
    (entry === null || entry.direction !== now.direction);
  const collapse = entry !== null && entry.confidence - now.confidence >= config.confidenceCollapsePoints;
  const chop =
    entry !== null &&
    now.chopScore !== null &&
    entry.chopScore !== null &&
    now.chopScore >= config.chopSpikeThreshold &&
    entry.chopScore < config.chopSpikeThreshold;
  const regime = entry !== null && entry.regime !== null && now.regime !== null && entry.regime !== now.regime;
  if (!flip && !collapse && !chop && !regime) {
    return NO_EXIT_INTELLIGENCE;
  }

  const signals = (collapse ? 1 : 0) + (chop ? 1 : 0) + (regime ? 1 : 0);
  const escalate = !flip && config.intelligenceEscalationCount > 0 && signals >= config.intelligenceEscalationCount;
  const partialCode =
    flip || escalate
      ? null
      : collapse && !hasTakenPartial(position, INTEL_CODES.confidenceCollapse)
        ? INTEL_CODES.confidenceCollapse
        : chop && !hasTakenPartial(position, INTEL_CODES.chopSpike)
          ? INTEL_CODES.chopSpike
          : regime && !hasTakenPartial(position, INTEL_CODES.regimeChange)
            ? INTEL_CODES.regimeChange
            : null;
  if (!flip && !escalate && partialCode === null) {
    // Only partial signals already acted on: nothing to force.
    return NO_EXIT_INTELLIGENCE;
  }

  // Something is forced: build the explanation (every signal detected, in check order).
  const reasons: string[] = [];
  if (flip) {
    reasons.push(
      `${INTEL_CODES.biasFlip}: bias ${now.direction} (confidence ${now.confidence}) against a ${exposure} position` +
        (entry ? ` (${entry.direction} at entry)` : ''),
    );
  }
  if (collapse && entry) {
    reasons.push(
      `${INTEL_CODES.confidenceCollapse}: confidence ${entry.confidence} -> ${now.confidence} (fell >= ${config.confidenceCollapsePoints})`,
    );
  }
  if (chop && entry) {
    reasons.push(
      `${INTEL_CODES.chopSpike}: chop ${String(entry.chopScore)} -> ${String(now.chopScore)} (>= ${config.chopSpikeThreshold})`,
    );
  }
  if (regime && entry) {
    reasons.push(`${INTEL_CODES.regimeChange}: regime ${String(entry.regime)} -> ${String(now.regime)}`);
  }
  if (flip) {
    return { forceFullExit: true, code: INTEL_CODES.biasFlip, reasons };
  }
  if (escalate) {
    reasons.push(`${INTEL_CODES.escalation}: ${signals} signals >= ${config.intelligenceEscalationCount}`);
    return { forceFullExit: true, code: INTEL_CODES.escalation, reasons };
  }
  if (partialCode === null) {
    return NO_EXIT_INTELLIGENCE;
  }
  return { forceFullExit: false, forcePartialExit: config.partialExitFraction, code: partialCode, reasons };
}
