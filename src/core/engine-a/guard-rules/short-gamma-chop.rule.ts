import type { GuardRule } from './guard-rule.types';
import { ALLOW, REDUCE } from './guard-rule.types';

/** Short dealer gamma amplifies moves; in a choppy tape that means whipsaws: REDUCE. Unknown chop passes. */
export const shortGammaChopRule: GuardRule = {
  name: 'short_gamma_chop',
  evaluate: ({ marketState }, config) => {
    const { dealerPosition, chopScore } = marketState;
    if (dealerPosition !== 'short_gamma') {
      return ALLOW(`dealer position ${dealerPosition}`);
    }
    if (chopScore === null || chopScore === undefined || !Number.isFinite(chopScore)) {
      return ALLOW('short gamma, chop score unknown');
    }
    return chopScore >= config.shortGammaChopThreshold
      ? REDUCE(
          'short_gamma_chop',
          `short gamma and chop ${chopScore} >= ${config.shortGammaChopThreshold}, size x${config.shortGammaChopMultiplier}`,
          config.shortGammaChopMultiplier,
        )
      : ALLOW(`short gamma, chop ${chopScore} < ${config.shortGammaChopThreshold}`);
  },
};
