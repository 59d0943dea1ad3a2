import type { EntryRule } from './entry-rule.types';
import { PASS } from './entry-rule.types';

/** Tier 2: a very choppy tape (chop score at or above the threshold) waits for a trend; unknown chop passes. */
export const chopTooHighRule: EntryRule = {
  name: 'chop_too_high',
  tier: 2,
  evaluate: ({ input, config }) => {
    const chop = input.chopScore;
    if (chop === null || chop === undefined || !Number.isFinite(chop)) {
      return PASS('chop score unknown');
    }
    return chop >= config.chopWaitThreshold
      ? { pass: false, code: 'chop_too_high', detail: `chop ${chop} >= ${config.chopWaitThreshold}` }
      : PASS(`chop ${chop} < ${config.chopWaitThreshold}`);
  },
};
