export * from './exit.types';
export * from './exit.config';
export * from './exit-math';
export { EXIT_RULES, maxHoldTimeRule, minDteExitRule, profitTargetRule, stopLossRule } from './exit-rules';
export { nextHighWater, trailingStopRule } from './trailing-stop';
export {
  EXIT_TIER_RULES,
  deepLossRule,
  expiredRule,
  expiryGainRule,
  expiryLossRule,
  firstTargetRule,
  optionWorthlessRule,
  profitGivebackRule,
  stagnantRule,
  targetFullRule,
  totalLossRule,
} from './exit-tiers';
export { evaluateExitTiers, explainExitRules, firstFiringRule } from './exit-decision';
export { evaluateExitIntelligence, INTEL_CODES, NO_EXIT_INTELLIGENCE } from './exit-intelligence';
export type { ExitIntelligenceResult } from './exit-intelligence';
export { isAged, isNearTarget, minutesHeld, pickReplacementCandidate } from './capacity';
export { evaluateExit, explainExit } from './evaluate-exit';
export type { ExitExplanation } from './evaluate-exit';
