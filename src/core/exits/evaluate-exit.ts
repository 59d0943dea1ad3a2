import { EXIT_RULES } from './exit-rules';
import { explainExitRules, firstFiringRule } from './exit-decision';
import type { ExitIntelligenceResult } from './exit-intelligence';
import { evaluateExitIntelligence, NO_EXIT_INTELLIGENCE } from './exit-intelligence';
import { partialQuantity, pnlPercentOf } from './exit-math';
import type { ExitConfig } from './exit.config';
import type { ExitAction, ExitDecision, ExitMarket, ExitPosition, ExitRuleVerdict, ExitTier } from './exit.types';
import { EXIT_TIER_RULES } from './exit-tiers';

const decision = (
  action: ExitAction,
  quantity: number,
  code: string,
  reasons: string[],
  tier: ExitTier,
  pnlPercent: number | null,
): ExitDecision => ({ action, quantity, code, reasons, tier, pnlPercent });

/** A partial of max(1, round(quantity x fraction)) contracts; one that would leave nothing open becomes a full exit. */
function partialOrFull(
  position: ExitPosition,
  fraction: number,
  code: string,
  reasons: string[],
  tier: ExitTier,
  pnl: number | null,
): ExitDecision {
  const close = partialQuantity(position.quantity, fraction);
  if (close >= position.quantity) {
    reasons.push(`partial of ${close} would leave 0 of ${position.quantity} open: full exit`);
    return decision('FULL_EXIT', position.quantity, code, reasons, tier, pnl);
  }
  return decision('PARTIAL_EXIT', close, code, reasons, tier, pnl);
}

function fromVerdict(verdict: ExitRuleVerdict, position: ExitPosition, pnl: number | null): ExitDecision {
  const reasons = [`${verdict.rule}: ${verdict.detail}`];
  switch (verdict.action) {
    case 'FULL_EXIT':
      return decision('FULL_EXIT', position.quantity, verdict.code, reasons, verdict.tier, pnl);
    case 'PARTIAL_EXIT':
      return partialOrFull(position, verdict.fraction, verdict.code, reasons, verdict.tier, pnl);
    case 'TIGHTEN_STOP':
      return decision('TIGHTEN_STOP', 0, verdict.code, reasons, verdict.tier, pnl);
    case 'HOLD':
      return decision('HOLD', 0, verdict.code, reasons, verdict.tier, pnl);
  }
}

function fromIntelligence(intel: ExitIntelligenceResult, position: ExitPosition, pnl: number): ExitDecision | null {
  if (intel.forceFullExit) {
    return decision('FULL_EXIT', position.quantity, intel.code ?? 'intel', [...intel.reasons], 0, pnl);
  }
  if (intel.forcePartialExit !== undefined) {
    return partialOrFull(position, intel.forcePartialExit, intel.code ?? 'intel', [...intel.reasons], 0, pnl);
  }
  return null;
}

/**
 * What to do with one open position now (spec section 10; run for every open position on every tick). Order:
 * 1. exit intelligence (when `enableIntelligence`), which may force a full or partial exit;
 * 2. the plain exit rules: profit target, stop loss, trailing stop, max hold time, min DTE (tier 0);
 * 3. the decision engine's tiers 1-4 (when `enableDecisionEngine`);
 * the first that fires decides, else HOLD (`hold`). Without a usable mark only the time rules (max hold time, min DTE,
 * Tier 1 `expired`) can fire; otherwise HOLD with code `no_mark`. Pure and allocation-light: numbers in, one decision
 * out; no Date objects, no sorting.
 */
export function evaluateExit(
  position: ExitPosition,
  market: ExitMarket,
  config: ExitConfig,
  nowMs: number,
): ExitDecision {
  const pnl = pnlPercentOf(position);
  if (!(position.quantity > 0)) {
    return decision('HOLD', 0, 'empty_position', [`quantity ${position.quantity}: nothing open`], 0, pnl);
  }
  const priceAvailable = pnl !== null;

  if (priceAvailable && config.enableIntelligence) {
    const forced = fromIntelligence(evaluateExitIntelligence(position, market, config), position, pnl);
    if (forced) {
      return forced;
    }
  }
  const plain = firstFiringRule(EXIT_RULES, position, config, nowMs, priceAvailable);
  if (plain) {
    return fromVerdict(plain, position, pnl);
  }
  if (config.enableDecisionEngine) {
    const tiered = firstFiringRule(EXIT_TIER_RULES, position, config, nowMs, priceAvailable);
    if (tiered) {
      return fromVerdict(tiered, position, pnl);
    }
  }
  if (priceAvailable) {
    return decision('HOLD', 0, 'hold', [], 0, pnl);
  }
  return position.currentPrice === null || !Number.isFinite(position.currentPrice) || position.currentPrice < 0
    ? decision('HOLD', 0, 'no_mark', [`no usable option mark (${String(position.currentPrice)})`], 0, null)
    : decision('HOLD', 0, 'invalid_entry_price', [`entry price ${position.entryPrice} is not usable`], 0, null);
}

export interface ExitExplanation {
  decision: ExitDecision;
  intelligence: ExitIntelligenceResult;
  /** Every plain rule's verdict, then every tier rule's (firing or not). */
  verdicts: ExitRuleVerdict[];
}

/** `evaluateExit` plus every verdict, for the UI and the trace (allocates; not for the per-tick path). */
export function explainExit(
  position: ExitPosition,
  market: ExitMarket,
  config: ExitConfig,
  nowMs: number,
): ExitExplanation {
  const intelligence =
    config.enableIntelligence && pnlPercentOf(position) !== null
      ? evaluateExitIntelligence(position, market, config)
      : NO_EXIT_INTELLIGENCE;
  return {
    decision: evaluateExit(position, market, config, nowMs),
    intelligence,
    verdicts: [
      ...explainExitRules(EXIT_RULES, position, config, nowMs),
      ...(config.enableDecisionEngine ? explainExitRules(EXIT_TIER_RULES, position, config, nowMs) : []),
    ],
  };
}
