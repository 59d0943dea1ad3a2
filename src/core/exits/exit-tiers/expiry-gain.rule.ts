import { fmt, hasTakenPartial, hoursToExpiry, pnlPercentOf } from '../exit-math';
import type { ExitRule } from '../exit.types';
import { EXIT_PASS, partialExit } from '../exit.types';

const CODE = 'expiry_gain_partial';

/** Tier 2: within `nearExpiryHours` of the expiry close with pnl% >= nearExpiryGainPct: bank part of it (once). */
export const expiryGainRule: ExitRule = {
  name: CODE,
  tier: 2,
  priceFree: false,
  evaluate: (position, config, nowMs) => {
    const hours = hoursToExpiry(position, nowMs);
    if (!(hours <= config.nearExpiryHours)) {
      return EXIT_PASS;
    }
    const pnl = pnlPercentOf(position);
    if (pnl === null || !(pnl >= config.nearExpiryGainPct) || hasTakenPartial(position, CODE)) {
      return EXIT_PASS;
    }
    return partialExit(
      CODE,
      `${fmt(hours)} h to the expiry close (<= ${config.nearExpiryHours}) with pnl ${fmt(pnl)}% >= ${config.nearExpiryGainPct}%`,
      config.partialExitFraction,
    );
  },
};
