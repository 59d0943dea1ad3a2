import type { AgentContext, AgentRiskState } from './agent-context';
import { FULL_CONFIDENCE_BOUNDS, RISK_AGENT_NAME, type AgentDescriptor, type AgentOutput } from './agent.types';
import { agentVote } from './agent-vote';

/**
 * RiskAgent (spec section 6, core, always active): absolute veto. `block: true` when the market session does not
 * accept the signal, the kill switch is on, a position limit is reached or exposure is at its limit.
 * Rules and reason codes: docs/agents-rules.md.
 */
export const RISK_AGENT: AgentDescriptor = Object.freeze({
  name: RISK_AGENT_NAME,
  type: 'core',
  featureFlag: null,
  confidenceBounds: FULL_CONFIDENCE_BOUNDS,
});

/** Reason codes, stored and shown; never rename. */
export const RISK_REASONS = {
  marketClosed: 'market_closed',
  killSwitch: 'kill_switch',
  positionLimitExceeded: 'position_limit_exceeded',
  exposureExceeded: 'exposure_exceeded',
  riskStateInvalid: 'risk_state_invalid',
} as const;

export const RISK_AGENT_SETTINGS = Object.freeze({
  /** The spec's example output when nothing vetoes: neutral, 50, no reasons. */
  passConfidence: 50,
  /** A veto is certain (the meta decision rejects with confidence 0 whatever this is). */
  vetoConfidence: 100,
});

/**
 * Every check runs and every failing one is listed, in the order below. A limit is reached at equality
 * (openPositions >= maxOpenPositions). Any non-finite number in the risk state fails closed (`risk_state_invalid`).
 * Never null: the risk agent always votes.
 */
export function runRiskAgent(ctx: AgentContext, _now: Date): AgentOutput {
  const risk = ctx.risk;
  const reasons: string[] = [];

  if (!ctx.session.isOpen) {
    reasons.push(RISK_REASONS.marketClosed);
  }
  if (risk.killSwitch) {
    reasons.push(RISK_REASONS.killSwitch);
  }
  const invalid = invalidFields(risk);
  if (invalid.length > 0) {
    reasons.push(RISK_REASONS.riskStateInvalid);
  }
  const totalLimitReached = risk.openPositions >= risk.maxOpenPositions;
  const symbolLimitReached = risk.openPositionsForSymbol >= risk.maxPositionsPerSymbol;
  if (totalLimitReached || symbolLimitReached) {
    reasons.push(RISK_REASONS.positionLimitExceeded);
  }
  if (risk.exposure >= risk.maxExposure) {
    reasons.push(RISK_REASONS.exposureExceeded);
  }

  const block = reasons.length > 0;
  return agentVote(RISK_AGENT, {
    bias: 'neutral',
    confidence: block ? RISK_AGENT_SETTINGS.vetoConfidence : RISK_AGENT_SETTINGS.passConfidence,
    reasons,
    block,
    metadata: {
      sessionReason: ctx.session.reason,
      killSwitch: risk.killSwitch,
      openPositions: risk.openPositions,
      maxOpenPositions: risk.maxOpenPositions,
      openPositionsForSymbol: risk.openPositionsForSymbol,
      maxPositionsPerSymbol: risk.maxPositionsPerSymbol,
      totalLimitReached,
      symbolLimitReached,
      exposure: risk.exposure,
      maxExposure: risk.maxExposure,
      ...(invalid.length > 0 ? { invalidFields: invalid } : {}),
    },
  });
}

const NUMERIC_FIELDS = [
  'openPositions',
  'openPositionsForSymbol',
  'maxOpenPositions',
  'maxPositionsPerSymbol',
  'exposure',
  'maxExposure',
] as const satisfies readonly (keyof AgentRiskState)[];

function invalidFields(risk: AgentRiskState): string[] {
  return NUMERIC_FIELDS.filter((field) => !Number.isFinite(risk[field]));
}
