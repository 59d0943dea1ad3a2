import { nyDate, nyInstant } from '../core-deps';
import type { EntryRule } from './entry-rule.types';
import { PASS } from './entry-rule.types';

/** Tier 2: the first minutes after the 09:30 ET open are noisy; entries wait until they pass. */
export const openingMinutesRule: EntryRule = {
  name: 'opening_minutes',
  tier: 2,
  evaluate: ({ session, config, now }) => {
    if (session.session !== 'regular') {
      return PASS('outside the regular session');
    }
    const minutesSinceOpen = (now.getTime() - nyInstant(nyDate(now), 9, 30).getTime()) / 60_000;
    return minutesSinceOpen < config.openingWaitMinutes
      ? {
          pass: false,
          code: 'opening_range_wait',
          detail: `${minutesSinceOpen.toFixed(1)} min after the open (wait ${config.openingWaitMinutes} min)`,
        }
      : PASS(`${minutesSinceOpen.toFixed(1)} min after the open`);
  },
};
