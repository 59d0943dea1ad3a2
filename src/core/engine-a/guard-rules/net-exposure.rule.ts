import type { GuardRule } from './guard-rule.types';
import { ALLOW, BLOCK, pct, REDUCE } from './guard-rule.types';

/**
 * Net directional exposure in the signal's direction (same-direction notional minus opposite-direction notional), as a
 * % of equity: at or above the reduce threshold, REDUCE; at or above the block threshold, BLOCK. A signal that lowers
 * the net exposure (against the book's lean) is never limited by this rule.
 */
export const netExposureRule: GuardRule = {
  name: 'net_exposure',
  evaluate: ({ openPositions, equity, signal }, config) => {
    if (!(equity > 0)) {
      return ALLOW('no equity (equity_available decides)');
    }
    const net = openPositions.reduce(
      (sum, p) => sum + (p.direction === signal.direction ? p.notional : -p.notional),
      0,
    );
    const netPct = (net / equity) * 100;
    const what = `net ${signal.direction} exposure ${pct(netPct)} of equity`;
    if (netPct >= config.netExposureBlockPct) {
      return BLOCK('net_exposure_block', `${what} >= ${config.netExposureBlockPct}%`);
    }
    if (netPct >= config.netExposureReducePct) {
      return REDUCE(
        'net_exposure_reduce',
        `${what} >= ${config.netExposureReducePct}%, size x${config.netExposureReduceMultiplier}`,
        config.netExposureReduceMultiplier,
      );
    }
    return ALLOW(`${what} < ${config.netExposureReducePct}%`);
  },
};
