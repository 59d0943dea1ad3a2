import type { DealerPosition } from './core-deps';

export type EntryDirection = 'long' | 'short';

/** The signal's action, as the normalizer gives it (`add` scales into a position, so it is an entry). */
export type EntryAction = 'entry' | 'exit' | 'cancel' | 'add';

/** What every rule returns (STYLE.md rule 2): the code is stored and shown; `ok` when passing. */
export interface RuleResult {
  pass: boolean;
  code: string;
  detail: string;
}

export type EntryTier = 1 | 2 | 3;

export interface EntryRuleVerdict extends RuleResult {
  rule: string;
  tier: EntryTier;
}

export type EntryDecisionKind = 'BLOCK' | 'WAIT' | 'ENTER';

export type EntryUrgency = 'immediate' | 'normal';

/** Tier 3: what the rest of Engine A (strikes, plan, sizing) acts on. */
export interface EntryInstruction {
  symbol: string;
  direction: EntryDirection;
  optionType: 'call' | 'put';
  urgency: EntryUrgency;
  confidence: number;
  price: number;
  reasons: string[];
}

/** The structured input of the tier rules (spec section 5: `buildEntryDecisionInput()`). */
export interface EntryDecisionInput {
  symbol: string;
  direction: EntryDirection;
  action: EntryAction;
  /** The signal's own timestamp (normalized), used for staleness. */
  signalTime: Date;
  /** The underlying's current price; null when market data is unavailable. */
  price: number | null;
  /** The signal's confidence, 0-100; null when the payload had none. */
  confidence: number | null;
  /** Choppiness, 0-100 (100 = no trend); null or absent when unknown. */
  chopScore?: number | null;
  dealerPosition?: DealerPosition;
}

export interface EntryDecision {
  decision: EntryDecisionKind;
  tier: EntryTier;
  code: string;
  detail: string;
  /** Every Tier 1 and Tier 2 rule's verdict, in evaluation order, passing or not. */
  verdicts: EntryRuleVerdict[];
  /** Present only when `decision` is ENTER. */
  instruction: EntryInstruction | null;
}
