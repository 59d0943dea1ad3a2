import { RISK_CODES } from './risk-codes';
import { activePositions, block, ok, pendingOrderDirection, sameSymbol } from './risk.helpers';
import type { GateVerdict, RiskLimits, RiskSnapshot } from './risk.types';

/**
 * Duplicate trade (spec section 8, order and position level): the gated engine already holds a non-closed position,
 * or a pending entry order, on the same symbol and direction. A signal without a direction matches either side; a
 * pending order whose OCC symbol does not parse matches either side too (fails closed).
 */
export function duplicateTradeGate(snapshot: RiskSnapshot, _limits: RiskLimits, _now: Date): GateVerdict {
  const { symbol, direction } = snapshot.signal;
  const engine = snapshot.engine;
  const sameSide = (side: string | null): boolean => direction === null || side === null || side === direction;
  const position = activePositions(snapshot.positions).find(
    (row) => row.engine === engine && sameSymbol(row.symbol, symbol) && sameSide(row.direction),
  );
  if (position) {
    return block(
      RISK_CODES.duplicatePosition,
      `engine ${engine} already holds a ${position.status} ${position.direction} ${symbol} position` +
        (position.optionSymbol ? ` (${position.optionSymbol})` : ''),
    );
  }
  const order = snapshot.pendingOrders.find(
    (row) => row.engine === engine && sameSymbol(row.symbol, symbol) && sameSide(pendingOrderDirection(row)),
  );
  if (order) {
    return block(RISK_CODES.duplicateOrder, `engine ${engine} already has a pending order ${order.optionSymbol}`);
  }
  return ok(`no ${direction === null ? '' : `${direction} `}${symbol} position or order on engine ${engine}`);
}
