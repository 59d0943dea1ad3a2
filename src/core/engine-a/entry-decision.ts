import { evaluateMarketSession } from './core-deps';
import type { EntryDecisionConfig } from './entry-decision.config';
import type { EntryDecision, EntryDecisionInput, EntryInstruction, EntryRuleVerdict } from './engine-a.types';
import { ENTRY_RULES } from './entry-rules';
import type { EntryRule, EntryRuleContext } from './entry-rules';

/**
 * The entry decision engine of Engine A (spec section 5, step 3). Every Tier 1 and Tier 2 rule is evaluated (all
 * verdicts are kept for the explanation); the first failing Tier 1 rule gives BLOCK, else the first failing Tier 2
 * rule gives WAIT, else Tier 3 gives ENTER with an instruction. Pure: the clock is `now`.
 */
export function evaluateEntryDecision(
  input: EntryDecisionInput,
  config: EntryDecisionConfig,
  now: Date,
  rules: readonly EntryRule[] = ENTRY_RULES,
): EntryDecision {
  const session = evaluateMarketSession(now, {
    allowPremarket: config.allowPremarket,
    allowAfterhours: config.allowAfterhours,
    graceMinutes: config.closeGraceMinutes,
  });
  const context: EntryRuleContext = { input, config, now, session };
  const ordered = [...rules].sort((a, b) => a.tier - b.tier);
  const verdicts: EntryRuleVerdict[] = ordered.map((rule) => ({
    rule: rule.name,
    tier: rule.tier,
    ...rule.evaluate(context),
  }));

  const block = verdicts.find((v) => v.tier === 1 && !v.pass);
  if (block) {
    return { decision: 'BLOCK', tier: 1, code: block.code, detail: block.detail, verdicts, instruction: null };
  }
  const wait = verdicts.find((v) => v.tier === 2 && !v.pass);
  if (wait) {
    return { decision: 'WAIT', tier: 2, code: wait.code, detail: wait.detail, verdicts, instruction: null };
  }
  const instruction = buildInstruction(input, config, verdicts);
  return {
    decision: 'ENTER',
    tier: 3,
    code: 'enter',
    detail: `enter ${input.direction} ${input.symbol} (${instruction.optionType}), urgency ${instruction.urgency}`,
    verdicts,
    instruction,
  };
}

function buildInstruction(
  input: EntryDecisionInput,
  config: EntryDecisionConfig,
  verdicts: readonly EntryRuleVerdict[],
): EntryInstruction {
  // Tier 1 passed, so price and confidence are usable numbers.
  const confidence = input.confidence ?? 0;
  const price = input.price ?? 0;
  const urgency = confidence >= config.immediateUrgencyConfidence ? 'immediate' : 'normal';
  const reasons = verdicts.map((v) => `${v.rule}: ${v.detail}`);
  if (input.dealerPosition) {
    reasons.push(`dealer position: ${input.dealerPosition}`);
  }
  reasons.push(`urgency ${urgency} (confidence ${confidence}, immediate at >= ${config.immediateUrgencyConfidence})`);
  return {
    symbol: input.symbol,
    direction: input.direction,
    optionType: input.direction === 'long' ? 'call' : 'put',
    urgency,
    confidence,
    price,
    reasons,
  };
}
