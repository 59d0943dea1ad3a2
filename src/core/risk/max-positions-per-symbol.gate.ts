import { RISK_CODES } from './risk-codes';
import { activePositions, block, ok, sameSymbol } from './risk.helpers';
import type { GateVerdict, RiskLimits, RiskSnapshot } from './risk.types';

/** risk_limits.max_positions_per_symbol, all engines, counting pending entry orders on the symbol. */
export function maxPositionsPerSymbolGate(snapshot: RiskSnapshot, limits: RiskLimits, _now: Date): GateVerdict {
  const symbol = snapshot.signal.symbol;
  const open = activePositions(snapshot.positions).filter((position) => sameSymbol(position.symbol, symbol)).length;
  const pending = snapshot.pendingOrders.filter((order) => sameSymbol(order.symbol, symbol)).length;
  const detail = `${symbol}: ${open} open + ${pending} pending of ${limits.maxPositionsPerSymbol}`;
  return open + pending >= limits.maxPositionsPerSymbol ? block(RISK_CODES.maxPositionsPerSymbol, detail) : ok(detail);
}
