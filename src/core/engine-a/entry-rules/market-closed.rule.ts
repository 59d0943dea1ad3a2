import type { EntryRule } from './entry-rule.types';
import { PASS } from './entry-rule.types';

/** Tier 1: no entries while the market is closed for them (weekend, holiday, night, or a disallowed extended session). */
export const marketClosedRule: EntryRule = {
  name: 'market_closed',
  tier: 1,
  evaluate: ({ session }) =>
    session.isOpen
      ? PASS(session.detail)
      : { pass: false, code: 'market_closed_for_entry', detail: `${session.reason}: ${session.detail}` },
};
