import type { GuardRule } from './guard-rule.types';
import { ALLOW, REDUCE } from './guard-rule.types';

/**
 * Short dealer gamma and a signal against the bias direction: dealers' hedging would push against the trade: REDUCE.
 * (Trading against a strong bias is the MTF bias gate's concern; this rule only adds the gamma regime's risk.)
 */
export const shortGammaCounterBiasRule: GuardRule = {
  name: 'short_gamma_counter_bias',
  evaluate: ({ marketState, signal }, config) => {
    const { dealerPosition, biasDirection } = marketState;
    if (dealerPosition !== 'short_gamma' || biasDirection === undefined || biasDirection === 'neutral') {
      return ALLOW(`dealer position ${dealerPosition}, bias ${biasDirection ?? 'unknown'}`);
    }
    const aligned = (signal.direction === 'long') === (biasDirection === 'bullish');
    return aligned
      ? ALLOW(`short gamma, ${signal.direction} with a ${biasDirection} bias`)
      : REDUCE(
          'short_gamma_counter_bias',
          `short gamma, ${signal.direction} against a ${biasDirection} bias, size x${config.shortGammaCounterBiasMultiplier}`,
          config.shortGammaCounterBiasMultiplier,
        );
  },
};
