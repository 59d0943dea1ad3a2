import type { DealerDecision, DealerDirection } from './dealer-decision';

/** Spec section 4 step 7: a dealer decision at or above this confidence overrides Engine A's direction. */
export const GAMMA_OVERRIDE_CONFIDENCE = 0.7;

export interface GammaOverrideA {
  direction: DealerDirection;
  overridden: boolean;
  /** Applied to Engine A's quantity (floored, at least 1): the dealer confidence when overridden, else 1. */
  quantityMultiplier: number;
  code: 'ok' | 'gamma_direction_override' | 'dealer_disabled';
  detail: string;
}

/**
 * Engine A under the gamma override: a dealer decision with confidence >= 0.7 against the signal's direction turns
 * Engine A to the dealer's side, and the quantity is scaled by that confidence (a flipped trade is not taken at full
 * size). Applied before Engine A picks its strike, so the strike follows the final direction.
 */
export function gammaOverrideForEngineA(
  signalDirection: DealerDirection,
  dealer: DealerDecision | null,
  threshold = GAMMA_OVERRIDE_CONFIDENCE,
): GammaOverrideA {
  if (!dealer) {
    return {
      direction: signalDirection,
      overridden: false,
      quantityMultiplier: 1,
      code: 'dealer_disabled',
      detail: 'dealer strategy off',
    };
  }
  if (dealer.direction && dealer.direction !== signalDirection && dealer.confidence >= threshold) {
    return {
      direction: dealer.direction,
      overridden: true,
      quantityMultiplier: dealer.confidence,
      code: 'gamma_direction_override',
      detail: `dealer ${dealer.direction} at ${dealer.confidence} >= ${threshold} overrides ${signalDirection}`,
    };
  }
  return {
    direction: signalDirection,
    overridden: false,
    quantityMultiplier: 1,
    code: 'ok',
    detail: dealer.direction
      ? `dealer ${dealer.direction} at ${dealer.confidence}: no override`
      : 'dealer takes no side',
  };
}

export interface GammaCheckB {
  keep: boolean;
  code: 'ok' | 'gamma_direction_conflict' | 'dealer_disabled';
  detail: string;
}

/** Engine B's recommendation is nulled when the dealer strategy takes the other side (spec section 4 step 7). */
export function gammaCheckForEngineB(direction: DealerDirection, dealer: DealerDecision | null): GammaCheckB {
  if (!dealer) {
    return { keep: true, code: 'dealer_disabled', detail: 'dealer strategy off' };
  }
  if (dealer.direction && dealer.direction !== direction) {
    return {
      keep: false,
      code: 'gamma_direction_conflict',
      detail: `dealer ${dealer.direction} at ${dealer.confidence} conflicts with Engine B ${direction}`,
    };
  }
  return {
    keep: true,
    code: 'ok',
    detail: dealer.direction ? `dealer agrees (${dealer.direction})` : 'dealer neutral',
  };
}

/** floor(quantity x multiplier), at least 1 for a positive quantity; binary noise tolerated. */
export function scaleQuantity(quantity: number, multiplier: number): number {
  if (quantity <= 0) {
    return 0;
  }
  return Math.max(1, Math.floor(quantity * multiplier + 1e-9));
}
