import { equityAvailableRule } from './equity-available.rule';
import type { GuardRule } from './guard-rule.types';
import { netExposureRule } from './net-exposure.rule';
import { shortGammaChopRule } from './short-gamma-chop.rule';
import { shortGammaCounterBiasRule } from './short-gamma-counter-bias.rule';
import { symbolConcentrationRule } from './symbol-concentration.rule';

export type { GuardDecision, GuardPosition, GuardRule, GuardRuleResult, PortfolioGuardInput } from './guard-rule.types';
export { equityAvailableRule, netExposureRule, shortGammaChopRule, shortGammaCounterBiasRule, symbolConcentrationRule };

export const GUARD_RULES: readonly GuardRule[] = [
  equityAvailableRule,
  netExposureRule,
  symbolConcentrationRule,
  shortGammaChopRule,
  shortGammaCounterBiasRule,
];
