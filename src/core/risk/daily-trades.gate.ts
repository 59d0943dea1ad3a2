import { RISK_CODES } from './risk-codes';
import { block, ok } from './risk.helpers';
import type { GateVerdict, RiskLimits, RiskSnapshot } from './risk.types';

/** MAX_DAILY_TRADES on today's paper fills; 0 means unlimited. */
export function dailyTradesGate(snapshot: RiskSnapshot, limits: RiskLimits, _now: Date): GateVerdict {
  if (limits.maxDailyTrades <= 0) {
    return ok(`${snapshot.tradesToday} trades today, no daily cap`);
  }
  const detail = `${snapshot.tradesToday} of ${limits.maxDailyTrades} trades today`;
  return snapshot.tradesToday >= limits.maxDailyTrades ? block(RISK_CODES.dailyTradeLimit, detail) : ok(detail);
}
