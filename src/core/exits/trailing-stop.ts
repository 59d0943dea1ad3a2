import { effectiveHighWater, fmt, pnlPercent } from './exit-math';
import type { ExitDirection, ExitRule } from './exit.types';
import { EXIT_PASS, fullExit } from './exit.types';

/**
 * The high-water mark after a new mark: the highest mark for long positions, the lowest for short (the best price
 * for the holder). An unusable mark leaves it unchanged; the first usable mark starts it.
 */
export function nextHighWater(
  prev: number | null,
  mark: number | null,
  direction: ExitDirection = 'long',
): number | null {
  if (mark === null || !Number.isFinite(mark) || mark < 0) {
    return prev;
  }
  if (prev === null || !Number.isFinite(prev)) {
    return mark;
  }
  return direction === 'long' ? Math.max(prev, mark) : Math.min(prev, mark);
}

/**
 * Trailing stop (not in the spec). Arms once the high-water mark is `trailingActivationPct` above the entry premium;
 * then exits when the mark falls `trailingStopPct` below the high-water mark (for short positions: rises above the
 * low-water mark). After a TIGHTEN_STOP (`position.stopTightened`) it runs at `tightenedTrailingStopPct`, armed at
 * once. `trailingStopPct` 0 (and no tightening) = off.
 */
export const trailingStopRule: ExitRule = {
  name: 'trailing_stop',
  tier: 0,
  priceFree: false,
  evaluate: (position, config) => {
    const tightened = position.stopTightened === true && config.tightenedTrailingStopPct > 0;
    const distancePct = tightened ? config.tightenedTrailingStopPct : config.trailingStopPct;
    if (!(distancePct > 0)) {
      return EXIT_PASS;
    }
    const mark = position.currentPrice;
    const high = effectiveHighWater(position);
    if (mark === null || high === null) {
      return EXIT_PASS;
    }
    const peak = pnlPercent(position.entryPrice, high, position.direction);
    if (peak === null || (!tightened && peak < config.trailingActivationPct)) {
      return EXIT_PASS;
    }
    const long = position.direction === 'long';
    const stopPrice = long ? high * (1 - distancePct / 100) : high * (1 + distancePct / 100);
    if (long ? mark > stopPrice : mark < stopPrice) {
      return EXIT_PASS;
    }
    return fullExit(
      'trailing_stop',
      `mark ${fmt(mark)} ${long ? '<=' : '>='} stop ${fmt(stopPrice)} (${distancePct}% from ${long ? 'high' : 'low'}-water ${fmt(high)}${tightened ? ', tightened' : `, armed at +${config.trailingActivationPct}%`})`,
    );
  },
};
