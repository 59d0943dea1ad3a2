import { fmt, peakPnlPercentOf, pnlPercentOf } from '../exit-math';
import type { ExitRule } from '../exit.types';
import { EXIT_PASS, tightenStop } from '../exit.types';

/**
 * Tier 4: the peak gain reached givebackMinPeakPct and the position has since given back givebackPct of it: tighten
 * the stop (the caller sets `stopTightened`; the trailing stop then runs at `tightenedTrailingStopPct`). Silent once
 * tightened.
 */
export const profitGivebackRule: ExitRule = {
  name: 'profit_giveback',
  tier: 4,
  priceFree: false,
  evaluate: (position, config) => {
    if (position.stopTightened === true) {
      return EXIT_PASS;
    }
    const peak = peakPnlPercentOf(position);
    const pnl = pnlPercentOf(position);
    if (peak === null || pnl === null || !(peak > 0) || peak < config.givebackMinPeakPct) {
      return EXIT_PASS;
    }
    const givenBack = ((peak - pnl) / peak) * 100;
    if (!(givenBack >= config.givebackPct)) {
      return EXIT_PASS;
    }
    return tightenStop(
      'profit_giveback',
      `gave back ${fmt(givenBack)}% of the ${fmt(peak)}% peak (now ${fmt(pnl)}%) >= ${config.givebackPct}%`,
    );
  },
};
