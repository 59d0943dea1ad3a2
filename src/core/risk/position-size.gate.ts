import { RISK_CODES } from './risk-codes';
import { block, ok } from './risk.helpers';
import type { GateVerdict, RiskLimits, RiskSnapshot } from './risk.types';

/**
 * MAX_POSITION_SIZE: a proposed quantity above it passes with action 'reduce' (capped); a quantity that is not a
 * positive integer blocks. Before sizing (no proposed trade) it passes.
 */
export function positionSizeGate(snapshot: RiskSnapshot, limits: RiskLimits, _now: Date): GateVerdict {
  const proposed = snapshot.proposed;
  if (!proposed) {
    return ok('not sized yet');
  }
  const { quantity } = proposed;
  if (!Number.isInteger(quantity) || quantity <= 0) {
    return block(RISK_CODES.invalidPositionSize, `proposed quantity ${quantity} is not a positive integer`);
  }
  if (quantity > limits.maxPositionSize) {
    return {
      pass: true,
      code: RISK_CODES.maxPositionSize,
      detail: `${quantity} contracts reduced to the maximum of ${limits.maxPositionSize}`,
      action: 'reduce',
      reduceTo: limits.maxPositionSize,
    };
  }
  return ok(`${quantity} of at most ${limits.maxPositionSize} contracts`);
}
