import { pnlPercentOf } from './exit-math';
import type { ExitConfig } from './exit.config';
import type { ExitPosition, ExitRule, ExitRuleVerdict } from './exit.types';
import { EXIT_TIER_RULES } from './exit-tiers';

/**
 * Runs rules in the given order and returns the first that fires, or null. With `priceAvailable` false only the
 * price-free (time) rules run. Allocates only for the verdict of a firing rule.
 */
export function firstFiringRule(
  rules: readonly ExitRule[],
  position: ExitPosition,
  config: ExitConfig,
  nowMs: number,
  priceAvailable: boolean,
): ExitRuleVerdict | null {
  for (let i = 0; i < rules.length; i += 1) {
    const rule = rules[i];
    if (!priceAvailable && !rule.priceFree) {
      continue;
    }
    const result = rule.evaluate(position, config, nowMs);
    if (!result.pass) {
      return {
        rule: rule.name,
        tier: rule.tier,
        pass: false,
        code: result.code,
        detail: result.detail,
        action: result.action,
        fraction: result.fraction,
      };
    }
  }
  return null;
}

/**
 * The exit decision engine (spec section 10, `src/lib/exitEngine/evaluator.ts`): Tier 1 hard fails, Tier 2 protection,
 * Tier 3 profit taking, Tier 4 degradation, in `EXIT_TIER_RULES` order; the first rule that fires decides. Null =
 * nothing to do. Pure.
 */
export function evaluateExitTiers(
  position: ExitPosition,
  config: ExitConfig,
  nowMs: number,
  rules: readonly ExitRule[] = EXIT_TIER_RULES,
): ExitRuleVerdict | null {
  return firstFiringRule(rules, position, config, nowMs, pnlPercentOf(position) !== null);
}

/**
 * Every rule's verdict, firing or not, for explanations and the UI (not for the per-tick path: it allocates one
 * verdict per rule). Price rules without a usable mark are reported as passing with detail `no mark`.
 */
export function explainExitRules(
  rules: readonly ExitRule[],
  position: ExitPosition,
  config: ExitConfig,
  nowMs: number,
): ExitRuleVerdict[] {
  const priceAvailable = pnlPercentOf(position) !== null;
  return rules.map((rule) =>
    !priceAvailable && !rule.priceFree
      ? { rule: rule.name, tier: rule.tier, pass: true, code: 'ok', detail: 'no mark', action: 'HOLD', fraction: 0 }
      : { rule: rule.name, tier: rule.tier, ...rule.evaluate(position, config, nowMs) },
  );
}
