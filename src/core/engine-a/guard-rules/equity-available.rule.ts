import type { GuardRule } from './guard-rule.types';
import { ALLOW, BLOCK } from './guard-rule.types';

/** Without a positive equity no exposure percentage can be computed: block. */
export const equityAvailableRule: GuardRule = {
  name: 'equity_available',
  evaluate: ({ equity }) =>
    Number.isFinite(equity) && equity > 0
      ? ALLOW(`equity ${equity}`)
      : BLOCK('equity_unavailable', `equity ${equity} is not positive`),
};
