import type { EntryRule } from './entry-rule.types';
import { PASS } from './entry-rule.types';

/** Tier 1: confidence missing, or below the hard floor. */
export const confidenceHardFloorRule: EntryRule = {
  name: 'confidence_hard_floor',
  tier: 1,
  evaluate: ({ input, config }) => {
    const { confidence } = input;
    if (confidence === null || !Number.isFinite(confidence)) {
      return { pass: false, code: 'confidence_missing', detail: 'signal has no confidence' };
    }
    return confidence < config.confidenceHardFloor
      ? {
          pass: false,
          code: 'confidence_below_hard_floor',
          detail: `confidence ${confidence} < hard floor ${config.confidenceHardFloor}`,
        }
      : PASS(`confidence ${confidence} >= hard floor ${config.confidenceHardFloor}`);
  },
};
