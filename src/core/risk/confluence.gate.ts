import { RISK_CODES } from './risk-codes';
import { block, ok, passesConfluenceGate } from './risk.helpers';
import type { GateVerdict, RiskLimits, RiskSnapshot } from './risk.types';

/**
 * ENABLE_CONFLUENCE_GATE: the score must reach CONFLUENCE_MIN_THRESHOLD (at or above passes). With the gate on and
 * no result it fails closed (`confluence_unavailable`).
 */
export function confluenceGate(snapshot: RiskSnapshot, limits: RiskLimits, _now: Date): GateVerdict {
  if (!limits.confluenceGateEnabled) {
    return ok('confluence gate disabled');
  }
  const result = snapshot.confluence;
  if (result === null) {
    return block(RISK_CODES.confluenceUnavailable, 'confluence gate on but no confluence score');
  }
  const detail = `confluence ${result.score} vs threshold ${limits.confluenceMinThreshold}`;
  return passesConfluenceGate(result, limits.confluenceMinThreshold)
    ? ok(detail)
    : block(RISK_CODES.confluenceBelowThreshold, detail);
}
