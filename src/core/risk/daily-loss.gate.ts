import { RISK_CODES } from './risk-codes';
import { block, ok, usd } from './risk.helpers';
import type { GateVerdict, RiskLimits, RiskSnapshot } from './risk.types';

/** MAX_DAILY_LOSS: realized + unrealized P&L since the session open; a loss reaching the cap blocks new entries. */
export function dailyLossGate(snapshot: RiskSnapshot, limits: RiskLimits, _now: Date): GateVerdict {
  const pnl = snapshot.realizedPnlToday + snapshot.unrealizedPnl;
  const detail = `P&L today ${usd(pnl)} (realized ${usd(snapshot.realizedPnlToday)}, unrealized ${usd(snapshot.unrealizedPnl)}), cap -${usd(limits.maxDailyLoss)}`;
  return -pnl >= limits.maxDailyLoss ? block(RISK_CODES.dailyLossLimit, detail) : ok(detail);
}
