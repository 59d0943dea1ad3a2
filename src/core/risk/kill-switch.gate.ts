import { RISK_CODES } from './risk-codes';
import { block, ok } from './risk.helpers';
import type { GateVerdict, RiskLimits, RiskSnapshot } from './risk.types';

/** The kill switch (a `feature_flags` row) blocks every new entry at once. */
export function killSwitchGate(snapshot: RiskSnapshot, _limits: RiskLimits, _now: Date): GateVerdict {
  return snapshot.killSwitch
    ? block(RISK_CODES.killSwitchActive, 'kill switch is on: no new entries')
    : ok('kill switch off');
}
