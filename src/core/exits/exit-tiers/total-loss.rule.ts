import { fmt, pnlPercentOf } from '../exit-math';
import type { ExitRule } from '../exit.types';
import { EXIT_PASS, fullExit } from '../exit.types';

/** Tier 1: pnl% <= -totalLossPct (default 90): the position is (about) a 100 % loss. */
export const totalLossRule: ExitRule = {
  name: 'total_loss',
  tier: 1,
  priceFree: false,
  evaluate: (position, config) => {
    const pnl = pnlPercentOf(position);
    if (pnl === null || !(config.totalLossPct > 0) || pnl > -config.totalLossPct) {
      return EXIT_PASS;
    }
    return fullExit('total_loss', `pnl ${fmt(pnl)}% <= -${config.totalLossPct}%`);
  },
};
