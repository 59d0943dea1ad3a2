import type { EntryRule } from './entry-rule.types';
import { PASS } from './entry-rule.types';

/** Tier 1: a signal older than SIGNAL_MAX_AGE_MINUTES (strictly), or dated in the future beyond the skew allowance. */
export const signalStaleRule: EntryRule = {
  name: 'signal_stale',
  tier: 1,
  evaluate: ({ input, config, now }) => {
    const ageMs = now.getTime() - input.signalTime.getTime();
    if (Number.isNaN(ageMs)) {
      return { pass: false, code: 'signal_time_invalid', detail: 'signal time is not a valid instant' };
    }
    if (-ageMs > config.maxFutureSkewSeconds * 1000) {
      return {
        pass: false,
        code: 'signal_time_in_future',
        detail: `signal dated ${Math.round(-ageMs / 1000)} s in the future (allowance ${config.maxFutureSkewSeconds} s)`,
      };
    }
    const ageMinutes = ageMs / 60_000;
    if (ageMinutes > config.signalMaxAgeMinutes) {
      return {
        pass: false,
        code: 'signal_stale',
        detail: `signal is ${ageMinutes.toFixed(1)} min old (max ${config.signalMaxAgeMinutes})`,
      };
    }
    return PASS(`signal is ${Math.max(0, ageMinutes).toFixed(1)} min old`);
  },
};
