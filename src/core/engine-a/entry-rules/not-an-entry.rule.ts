import type { EntryRule } from './entry-rule.types';
import { PASS } from './entry-rule.types';

/** Tier 1: exit and cancel signals close or withdraw; they never open a position. */
export const notAnEntryRule: EntryRule = {
  name: 'not_an_entry',
  tier: 1,
  evaluate: ({ input }) =>
    input.action === 'entry' || input.action === 'add'
      ? PASS(`action ${input.action}`)
      : { pass: false, code: 'action_not_entry', detail: `action ${input.action} is not an entry` },
};
