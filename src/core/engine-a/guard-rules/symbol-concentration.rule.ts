import type { GuardRule } from './guard-rule.types';
import { ALLOW, BLOCK, pct, REDUCE, sameSymbol } from './guard-rule.types';

/** Gross notional already held in the signal's symbol (either direction), as a % of equity: REDUCE, then BLOCK. */
export const symbolConcentrationRule: GuardRule = {
  name: 'symbol_concentration',
  evaluate: ({ openPositions, equity, signal }, config) => {
    if (!(equity > 0)) {
      return ALLOW('no equity (equity_available decides)');
    }
    const gross = openPositions
      .filter((p) => sameSymbol(p.symbol, signal.symbol))
      .reduce((sum, p) => sum + Math.abs(p.notional), 0);
    const grossPct = (gross / equity) * 100;
    const what = `${signal.symbol} exposure ${pct(grossPct)} of equity`;
    if (grossPct >= config.symbolConcentrationBlockPct) {
      return BLOCK('symbol_concentration_block', `${what} >= ${config.symbolConcentrationBlockPct}%`);
    }
    if (grossPct >= config.symbolConcentrationReducePct) {
      return REDUCE(
        'symbol_concentration_reduce',
        `${what} >= ${config.symbolConcentrationReducePct}%, size x${config.symbolConcentrationReduceMultiplier}`,
        config.symbolConcentrationReduceMultiplier,
      );
    }
    return ALLOW(`${what} < ${config.symbolConcentrationReducePct}%`);
  },
};
