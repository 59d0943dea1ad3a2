import type { GuardDecision, GuardRule, GuardRuleResult, PortfolioGuardInput } from './guard-rules';
import { GUARD_RULES } from './guard-rules';
import type { PortfolioGuardConfig } from './portfolio-guard.config';

export interface GuardCheck extends GuardRuleResult {
  rule: string;
}

export interface PortfolioGuardResult {
  decision: GuardDecision;
  /** 1 for ALLOW, the product of the REDUCE multipliers (at least minSizeMultiplier) for REDUCE, 0 for BLOCK. */
  sizeMultiplier: number;
  /** `ok`, or the first BLOCK rule's code, else the first REDUCE rule's code. */
  code: string;
  detail: string;
  checks: GuardCheck[];
}

/**
 * The portfolio guard of Engine A (spec section 5, step 2; `evaluateExposure()`): exposure and market state against
 * the signal. Any BLOCK blocks; otherwise REDUCE multipliers compound; otherwise ALLOW. Pure.
 */
export function evaluatePortfolioGuard(
  input: PortfolioGuardInput,
  config: PortfolioGuardConfig,
  rules: readonly GuardRule[] = GUARD_RULES,
): PortfolioGuardResult {
  const checks: GuardCheck[] = rules.map((rule) => ({ rule: rule.name, ...rule.evaluate(input, config) }));
  const blocks = checks.filter((c) => c.action === 'BLOCK');
  if (blocks.length > 0) {
    return {
      decision: 'BLOCK',
      sizeMultiplier: 0,
      code: blocks[0].code,
      detail: blocks.map((c) => c.detail).join('; '),
      checks,
    };
  }
  const reduces = checks.filter((c) => c.action === 'REDUCE');
  if (reduces.length > 0) {
    const product = reduces.reduce((m, c) => m * c.sizeMultiplier, 1);
    const sizeMultiplier = Math.max(config.minSizeMultiplier, product);
    return {
      decision: 'REDUCE',
      sizeMultiplier,
      code: reduces[0].code,
      detail: `${reduces.map((c) => c.detail).join('; ')}; size x${sizeMultiplier}`,
      checks,
    };
  }
  return { decision: 'ALLOW', sizeMultiplier: 1, code: 'ok', detail: 'exposure within limits', checks };
}
