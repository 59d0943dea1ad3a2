import { fmt, pnlPercentOf } from '../exit-math';
import type { ExitRule } from '../exit.types';
import { EXIT_PASS, fullExit } from '../exit.types';

/**
 * Tier 2: pnl% <= -deepLossPct (default 70): a backstop beyond the plain stop, for when the stop is off or set wider
 * than this.
 */
export const deepLossRule: ExitRule = {
  name: 'deep_loss',
  tier: 2,
  priceFree: false,
  evaluate: (position, config) => {
    const pnl = pnlPercentOf(position);
    if (pnl === null || !(config.deepLossPct > 0) || pnl > -config.deepLossPct) {
      return EXIT_PASS;
    }
    return fullExit('deep_loss', `pnl ${fmt(pnl)}% <= -${config.deepLossPct}%`);
  },
};
