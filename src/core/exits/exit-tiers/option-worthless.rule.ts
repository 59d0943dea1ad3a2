import { fmt } from '../exit-math';
import type { ExitRule } from '../exit.types';
import { EXIT_PASS, fullExit } from '../exit.types';

/**
 * Tier 1: a mark at or below `worthlessMark` leaves nothing to hold for: a long has lost (almost) everything, a short
 * has earned (almost) all its premium and keeps only the risk.
 */
export const optionWorthlessRule: ExitRule = {
  name: 'option_worthless',
  tier: 1,
  priceFree: false,
  evaluate: (position, config) => {
    const mark = position.currentPrice;
    if (mark === null || !(mark <= config.worthlessMark)) {
      return EXIT_PASS;
    }
    return fullExit('option_worthless', `mark ${fmt(mark)} <= worthless ${config.worthlessMark}`);
  },
};
