import { fmt, hoursToExpiry } from '../exit-math';
import type { ExitRule } from '../exit.types';
import { EXIT_PASS, fullExit } from '../exit.types';

/** Tier 1: at or past the close of the last trading day the option is expiring: close it. Needs no mark. */
export const expiredRule: ExitRule = {
  name: 'expired',
  tier: 1,
  priceFree: true,
  evaluate: (position, _config, nowMs) =>
    nowMs >= position.expiryCloseMs
      ? fullExit('expired', `at or past the expiry close (${fmt(-hoursToExpiry(position, nowMs))} h past)`)
      : EXIT_PASS,
};
