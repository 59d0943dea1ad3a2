import { RISK_CODES } from './risk-codes';
import { block, ok, openExposure, proposedExposure, usd } from './risk.helpers';
import type { GateVerdict, RiskLimits, RiskSnapshot } from './risk.types';

/**
 * Total exposure: the market value of non-closed positions (quantity x mark x multiplier) plus the proposed order
 * (capped at MAX_POSITION_SIZE), against both max_total_exposure dollars and MAX_EXPOSURE_PERCENT of (account equity +
 * realized P&L today); the tighter binds. With a proposed order, reaching a limit exactly passes and going over
 * blocks; before sizing, being at or over a limit blocks (no room left). A non-positive capital base blocks.
 */
export function exposureGate(snapshot: RiskSnapshot, limits: RiskLimits, _now: Date): GateVerdict {
  const current = openExposure(snapshot, limits);
  const added = proposedExposure(snapshot, limits);
  const after = current + added;
  const capital = snapshot.accountEquity + snapshot.realizedPnlToday;
  if (capital <= 0) {
    return block(RISK_CODES.exposureExceeded, `capital base ${usd(capital)} is not positive`);
  }
  const percentCap = (limits.maxExposurePercent / 100) * capital;
  const sized = snapshot.proposed !== null && snapshot.proposed !== undefined;
  const over = (cap: number): boolean => (sized ? after > cap : after >= cap);
  const exposure = `${usd(current)} open + ${usd(added)} proposed = ${usd(after)}`;
  if (over(limits.maxTotalExposure)) {
    return block(RISK_CODES.exposureExceeded, `${exposure} exceeds max total exposure ${usd(limits.maxTotalExposure)}`);
  }
  if (over(percentCap)) {
    return block(
      RISK_CODES.exposureExceeded,
      `${exposure} exceeds ${limits.maxExposurePercent}% of ${usd(capital)} (${usd(percentCap)})`,
    );
  }
  return ok(`${exposure} within ${usd(Math.min(limits.maxTotalExposure, percentCap))}`);
}
