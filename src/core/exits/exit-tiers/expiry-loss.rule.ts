import { fmt, hoursToExpiry, pnlPercentOf } from '../exit-math';
import type { ExitRule } from '../exit.types';
import { EXIT_PASS, fullExit } from '../exit.types';

/** Tier 2: within `nearExpiryHours` of the expiry close and losing (pnl% < -nearExpiryLossPct): time is out, close. */
export const expiryLossRule: ExitRule = {
  name: 'expiry_loss',
  tier: 2,
  priceFree: false,
  evaluate: (position, config, nowMs) => {
    const hours = hoursToExpiry(position, nowMs);
    if (!(hours <= config.nearExpiryHours)) {
      return EXIT_PASS;
    }
    const pnl = pnlPercentOf(position);
    if (pnl === null || !(pnl < -config.nearExpiryLossPct)) {
      return EXIT_PASS;
    }
    return fullExit(
      'expiry_loss',
      `${fmt(hours)} h to the expiry close (<= ${config.nearExpiryHours}) with pnl ${fmt(pnl)}% < -${config.nearExpiryLossPct}%`,
    );
  },
};
