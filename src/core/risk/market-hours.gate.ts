import { RISK_CODES } from './risk-codes';
import { block, minutes, ok } from './risk.helpers';
import type { GateVerdict, RiskLimits, RiskSnapshot } from './risk.types';

/**
 * Market hours (spec section 8): open under the session policy passes; closed blocks, as `signal_stale` when the
 * signal is older than SIGNAL_MAX_AGE_MINUTES (strictly), else `market_closed`. Queueing and decision-only mode are
 * the orchestrator's answer to `market_closed`; this gate only says no order may be sent now.
 */
export function marketHoursGate(snapshot: RiskSnapshot, limits: RiskLimits, now: Date): GateVerdict {
  const session = snapshot.marketSession;
  if (session.isOpen) {
    return ok(session.detail);
  }
  const ageMs = now.getTime() - snapshot.signal.timestamp.getTime();
  if (ageMs > limits.signalMaxAgeMinutes * 60_000) {
    return block(
      RISK_CODES.signalStale,
      `market closed (${session.detail}) and signal ${minutes(ageMs)} min old > ${limits.signalMaxAgeMinutes} min`,
    );
  }
  return block(RISK_CODES.marketClosed, `market closed: ${session.detail}`);
}
