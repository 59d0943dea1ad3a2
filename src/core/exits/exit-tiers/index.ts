import type { ExitRule } from '../exit.types';
import { deepLossRule } from './deep-loss.rule';
import { expiredRule } from './expired.rule';
import { expiryGainRule } from './expiry-gain.rule';
import { expiryLossRule } from './expiry-loss.rule';
import { firstTargetRule } from './first-target.rule';
import { optionWorthlessRule } from './option-worthless.rule';
import { profitGivebackRule } from './profit-giveback.rule';
import { stagnantRule } from './stagnant.rule';
import { targetFullRule } from './target-full.rule';
import { totalLossRule } from './total-loss.rule';

export {
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
};

/**
 * The decision engine's rules, already in evaluation order (Tier 1 to 4; within a tier the stronger action first).
 * The first rule that fires decides; keep the order when adding rules (the runner does not sort, per call).
 */
export const EXIT_TIER_RULES: readonly ExitRule[] = [
  expiredRule,
  optionWorthlessRule,
  totalLossRule,
  deepLossRule,
  expiryLossRule,
  expiryGainRule,
  targetFullRule,
  firstTargetRule,
  stagnantRule,
  profitGivebackRule,
];
