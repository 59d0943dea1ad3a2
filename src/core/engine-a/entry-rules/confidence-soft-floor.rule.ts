import type { EntryRule } from './entry-rule.types';
import { PASS } from './entry-rule.types';

/** Tier 2: confidence at or above the hard floor but below the soft floor waits for a stronger signal. */
export const confidenceSoftFloorRule: EntryRule = {
  name: 'confidence_soft_floor',
  tier: 2,
  evaluate: ({ input, config }) => {
    const { confidence } = input;
    if (confidence === null || !Number.isFinite(confidence)) {
      return PASS('no confidence (Tier 1 decides)');
    }
    return confidence < config.confidenceSoftFloor
      ? {
          pass: false,
          code: 'confidence_below_soft_floor',
          detail: `confidence ${confidence} < soft floor ${config.confidenceSoftFloor}`,
        }
      : PASS(`confidence ${confidence} >= soft floor ${config.confidenceSoftFloor}`);
  },
};
