import type { EntryRule } from './entry-rule.types';
import { PASS } from './entry-rule.types';

/** Tier 1: without a positive, finite underlying price there is no strike to select. */
export const missingPriceRule: EntryRule = {
  name: 'missing_price',
  tier: 1,
  evaluate: ({ input }) =>
    input.price !== null && Number.isFinite(input.price) && input.price > 0
      ? PASS(`price ${input.price}`)
      : { pass: false, code: 'price_unavailable', detail: `no usable price (${String(input.price)})` },
};
