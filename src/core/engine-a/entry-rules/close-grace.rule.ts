import type { EntryRule } from './entry-rule.types';
import { PASS } from './entry-rule.types';

/** Tier 2: within MARKET_CLOSE_GRACE_MINUTES of the regular close, wait (the signal is accepted, not entered now). */
export const closeGraceRule: EntryRule = {
  name: 'close_grace',
  tier: 2,
  evaluate: ({ session, config }) =>
    session.withinGrace
      ? {
          pass: false,
          code: 'approaching_close',
          detail: `${(session.minutesToClose ?? 0).toFixed(1)} min to the close (grace ${config.closeGraceMinutes} min)`,
        }
      : PASS(
          session.minutesToClose === null
            ? 'outside the regular session'
            : `${session.minutesToClose.toFixed(1)} min to the close`,
        ),
};
