import { confluenceGate } from './confluence.gate';
import { cooldownGate } from './cooldown.gate';
import { dailyLossGate } from './daily-loss.gate';
import { dailyTradesGate } from './daily-trades.gate';
import { duplicateTradeGate } from './duplicate-trade.gate';
import { exposureGate } from './exposure.gate';
import { killSwitchGate } from './kill-switch.gate';
import { marketHoursGate } from './market-hours.gate';
import { maxOpenPositionsGate } from './max-open-positions.gate';
import { maxPositionsPerSymbolGate } from './max-positions-per-symbol.gate';
import { mtfBiasGate } from './mtf-bias.gate';
import { positionSizeGate } from './position-size.gate';
import { RISK_CODES } from './risk-codes';
import { opensRisk } from './risk.helpers';
import type { GateVerdict, RiskGate, RiskLimits, RiskSnapshot } from './risk.types';

export type RiskGateName =
  | 'kill_switch'
  | 'market_hours'
  | 'daily_loss'
  | 'daily_trades'
  | 'max_open_positions'
  | 'max_positions_per_symbol'
  | 'position_size'
  | 'exposure'
  | 'duplicate_trade'
  | 'cooldown'
  | 'confluence'
  | 'mtf_bias';

export interface RiskGateDefinition {
  name: RiskGateName;
  gate: RiskGate;
  /** Entry-only gates are not applied to exit and cancel signals: closing risk is never held back by entry limits. */
  entryOnly: boolean;
}

/**
 * The fixed order: account-wide stops first (kill switch, market hours, daily loss and trades), then capacity
 * (positions, size, exposure), then per-symbol timing and duplicates, then signal quality (confluence, MTF bias).
 * Only market hours applies to exits (no order can be sent while closed); every other gate is entry-only.
 */
export const RISK_GATES: readonly RiskGateDefinition[] = [
  { name: 'kill_switch', gate: killSwitchGate, entryOnly: true },
  { name: 'market_hours', gate: marketHoursGate, entryOnly: false },
  { name: 'daily_loss', gate: dailyLossGate, entryOnly: true },
  { name: 'daily_trades', gate: dailyTradesGate, entryOnly: true },
  { name: 'max_open_positions', gate: maxOpenPositionsGate, entryOnly: true },
  { name: 'max_positions_per_symbol', gate: maxPositionsPerSymbolGate, entryOnly: true },
  { name: 'position_size', gate: positionSizeGate, entryOnly: true },
  { name: 'exposure', gate: exposureGate, entryOnly: true },
  { name: 'duplicate_trade', gate: duplicateTradeGate, entryOnly: true },
  { name: 'cooldown', gate: cooldownGate, entryOnly: true },
  { name: 'confluence', gate: confluenceGate, entryOnly: true },
  { name: 'mtf_bias', gate: mtfBiasGate, entryOnly: true },
];

export interface NamedGateVerdict extends GateVerdict {
  gate: RiskGateName;
  /** True when an entry-only gate was not applied to an exit or cancel. */
  skipped: boolean;
}

export interface RiskEvaluation {
  pass: boolean;
  /** Every gate, in RISK_GATES order (all are evaluated, for the decision explanation). */
  verdicts: NamedGateVerdict[];
  /** The first failing verdict in order; its code is the signal's rejection reason. */
  firstFailure: NamedGateVerdict | null;
  /** The smallest `reduceTo` among passing 'reduce' verdicts; null when nothing reduces. */
  quantityCap: number | null;
}

/**
 * Runs every gate in RISK_GATES order. Entries and adds face all gates; exits and cancels only the gates that are
 * not entry-only (market hours), the others recorded as skipped passes.
 */
export function evaluateRiskGates(snapshot: RiskSnapshot, limits: RiskLimits, now: Date): RiskEvaluation {
  const entry = opensRisk(snapshot.signal.action);
  const verdicts = RISK_GATES.map(({ name, gate, entryOnly }): NamedGateVerdict => {
    if (entryOnly && !entry) {
      return {
        gate: name,
        skipped: true,
        pass: true,
        code: RISK_CODES.notApplicable,
        detail: `${snapshot.signal.action} signal: entry-only gate not applied`,
      };
    }
    return { gate: name, skipped: false, ...gate(snapshot, limits, now) };
  });
  const firstFailure = verdicts.find((verdict) => !verdict.pass) ?? null;
  const caps = verdicts
    .filter((verdict) => verdict.pass && verdict.action === 'reduce' && verdict.reduceTo !== undefined)
    .map((verdict) => verdict.reduceTo as number);
  return {
    pass: firstFailure === null,
    verdicts,
    firstFailure,
    quantityCap: caps.length > 0 ? Math.min(...caps) : null,
  };
}
