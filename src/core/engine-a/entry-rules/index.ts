import { chopTooHighRule } from './chop-too-high.rule';
import { closeGraceRule } from './close-grace.rule';
import { confidenceHardFloorRule } from './confidence-hard-floor.rule';
import { confidenceSoftFloorRule } from './confidence-soft-floor.rule';
import type { EntryRule } from './entry-rule.types';
import { marketClosedRule } from './market-closed.rule';
import { missingPriceRule } from './missing-price.rule';
import { notAnEntryRule } from './not-an-entry.rule';
import { openingMinutesRule } from './opening-minutes.rule';
import { signalStaleRule } from './signal-stale.rule';

export type { EntryRule, EntryRuleContext } from './entry-rule.types';
export {
  chopTooHighRule,
  closeGraceRule,
  confidenceHardFloorRule,
  confidenceSoftFloorRule,
  marketClosedRule,
  missingPriceRule,
  notAnEntryRule,
  openingMinutesRule,
  signalStaleRule,
};

/** Evaluation order: Tier 1 first, then Tier 2; within a tier the first failing rule gives the decision's code. */
export const ENTRY_RULES: readonly EntryRule[] = [
  notAnEntryRule,
  marketClosedRule,
  signalStaleRule,
  missingPriceRule,
  confidenceHardFloorRule,
  closeGraceRule,
  openingMinutesRule,
  confidenceSoftFloorRule,
  chopTooHighRule,
];
