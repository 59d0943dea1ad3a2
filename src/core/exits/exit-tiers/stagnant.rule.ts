import { fmt, hasTakenPartial, hoursHeld, pnlPercentOf } from '../exit-math';
import type { ExitRule } from '../exit.types';
import { EXIT_PASS, partialExit } from '../exit.types';

const CODE = 'stagnant_partial';

/** Tier 4: held >= stagnantHours with |pnl%| < stagnantBandPct: going nowhere while theta bleeds; cut part (once). */
export const stagnantRule: ExitRule = {
  name: CODE,
  tier: 4,
  priceFree: false,
  evaluate: (position, config, nowMs) => {
    const held = hoursHeld(position, nowMs);
    if (!(config.stagnantHours > 0) || !(held >= config.stagnantHours)) {
      return EXIT_PASS;
    }
    const pnl = pnlPercentOf(position);
    if (pnl === null || !(Math.abs(pnl) < config.stagnantBandPct) || hasTakenPartial(position, CODE)) {
      return EXIT_PASS;
    }
    return partialExit(
      CODE,
      `held ${fmt(held)} h >= ${config.stagnantHours} h with |pnl| ${fmt(Math.abs(pnl))}% < ${config.stagnantBandPct}%`,
      config.partialExitFraction,
    );
  },
};
