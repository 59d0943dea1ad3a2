export * from './bias.types';
export * from './bias.config';
export { isBiasPayload, isBiasV3Payload, isLegacyBiasSnapshot, V3_SOURCE } from './bias-routing';
export { parseV3BiasEvent } from './v3-event.parser';
export { translateLegacySnapshot } from './legacy-snapshot.translator';
export {
  aggregateTimeframes,
  applyBiasEvent,
  deriveRegime,
  directionOf,
  isDuplicateEvent,
  isOutOfOrderEvent,
} from './bias-aggregate';
export { computeStaleness, stalenessAction, withStaleness } from './staleness';
export { riskMultiplierFromState } from './risk-multiplier';
export type { AlignmentTier, RiskFactor, RiskMultiplierDecision, TradeDirection } from './risk-multiplier';
export { effectiveGating } from './effective-gating';
export type { EffectiveGating } from './effective-gating';
export { evaluateBiasGate } from './bias-gate';
export type { BiasGateResult } from './bias-gate';
export { timeframeMinutes, timeframeWeight } from './timeframe-weights';
export { parseBiasPayload } from './parse-bias-payload';
