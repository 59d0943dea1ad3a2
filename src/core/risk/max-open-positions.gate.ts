import { RISK_CODES } from './risk-codes';
import { activePositions, block, ok } from './risk.helpers';
import type { GateVerdict, RiskLimits, RiskSnapshot } from './risk.types';

/**
 * MAX_OPEN_POSITIONS over all symbols and engines. Pending entry orders count: each becomes a position, and two
 * signals in flight must not both take the last slot.
 */
export function maxOpenPositionsGate(snapshot: RiskSnapshot, limits: RiskLimits, _now: Date): GateVerdict {
  const open = activePositions(snapshot.positions).length;
  const pending = snapshot.pendingOrders.length;
  const count = open + pending;
  const detail = `${open} open + ${pending} pending of ${limits.maxOpenPositions}`;
  return count >= limits.maxOpenPositions ? block(RISK_CODES.maxOpenPositions, detail) : ok(detail);
}
