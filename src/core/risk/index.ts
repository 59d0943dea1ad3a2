/**
 * The risk gate (spec section 8), pure: `(snapshot, limits, now) => GateVerdict`, one file per gate (`*.gate.ts`).
 * Codes: RISK_CODES (risk-codes.ts). Order and exit handling: evaluate-risk-gates.ts.
 */
export * from './risk.types';
export { RISK_CODES } from './risk-codes';
export type { RiskCode } from './risk-codes';
export { evaluateRiskGates, RISK_GATES } from './evaluate-risk-gates';
export type { NamedGateVerdict, RiskEvaluation, RiskGateDefinition, RiskGateName } from './evaluate-risk-gates';
export { confluenceGate } from './confluence.gate';
export { cooldownGate } from './cooldown.gate';
export { dailyLossGate } from './daily-loss.gate';
export { dailyTradesGate } from './daily-trades.gate';
export { duplicateTradeGate } from './duplicate-trade.gate';
export { exposureGate } from './exposure.gate';
export { killSwitchGate } from './kill-switch.gate';
export { marketHoursGate } from './market-hours.gate';
export { maxOpenPositionsGate } from './max-open-positions.gate';
export { maxPositionsPerSymbolGate } from './max-positions-per-symbol.gate';
export { mtfBiasGate } from './mtf-bias.gate';
export { positionSizeGate } from './position-size.gate';
export { replacementFor, withoutReplaced, type ReplacementSettings } from './position-replacement';
