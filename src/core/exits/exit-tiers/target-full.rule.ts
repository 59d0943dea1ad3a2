import { fmt, pnlPercentOf } from '../exit-math';
import type { ExitRule } from '../exit.types';
import { EXIT_PASS, fullExit } from '../exit.types';

/**
 * Tier 3: pnl% >= profitTargetPct: close the rest. The plain `profit_target` rule fires first when it is on; this keeps
 * the engine complete when the tiers are run alone.
 */
export const targetFullRule: ExitRule = {
  name: 'target_full',
  tier: 3,
  priceFree: false,
  evaluate: (position, config) => {
    const pnl = pnlPercentOf(position);
    if (pnl === null || !(config.profitTargetPct > 0) || pnl < config.profitTargetPct) {
      return EXIT_PASS;
    }
    return fullExit('target_full', `pnl ${fmt(pnl)}% >= target ${config.profitTargetPct}%`);
  },
};
