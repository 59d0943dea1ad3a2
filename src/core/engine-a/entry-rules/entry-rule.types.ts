import type { MarketSessionEvaluation } from '../core-deps';
import type { EntryDecisionConfig } from '../entry-decision.config';
import type { EntryDecisionInput, RuleResult } from '../engine-a.types';

/** Everything a rule may look at; the session is evaluated once, from `now`, by the engine. */
export interface EntryRuleContext {
  input: EntryDecisionInput;
  config: EntryDecisionConfig;
  now: Date;
  session: MarketSessionEvaluation;
}

export interface EntryRule {
  /** Stable name, shown in verdicts. */
  name: string;
  /** 1 = hard block, 2 = wait. */
  tier: 1 | 2;
  evaluate(context: EntryRuleContext): RuleResult;
}

export const PASS = (detail: string): RuleResult => ({ pass: true, code: 'ok', detail });
