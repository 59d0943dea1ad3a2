import { fmt, hasTakenPartial, pnlPercentOf } from '../exit-math';
import type { ExitRule } from '../exit.types';
import { EXIT_PASS, partialExit } from '../exit.types';

const CODE = 'first_target_partial';

/** Tier 3: pnl% >= firstTargetFraction x profitTargetPct (default 0.6 x 50 = 30 %): take part off (once). */
export const firstTargetRule: ExitRule = {
  name: CODE,
  tier: 3,
  priceFree: false,
  evaluate: (position, config) => {
    const first = config.firstTargetFraction * config.profitTargetPct;
    if (!(first > 0)) {
      return EXIT_PASS;
    }
    const pnl = pnlPercentOf(position);
    if (pnl === null || pnl < first || hasTakenPartial(position, CODE)) {
      return EXIT_PASS;
    }
    return partialExit(CODE, `pnl ${fmt(pnl)}% >= first target ${fmt(first)}%`, config.partialExitFraction);
  },
};
