import type { AgentContext } from './agent-context';
import { FULL_CONFIDENCE_BOUNDS, type AgentDescriptor, type AgentOutput } from './agent.types';
import { agentVote, biasOfSign } from './agent-vote';

/**
 * GammaFlowSpecialist (spec section 6, specialist): dealer gamma and options flow. Active whenever GEX or flow data
 * is present (no feature flag); not applicable (null) when both are missing. Rules and reason codes:
 * docs/agents-rules.md.
 */
export const GAMMA_FLOW_AGENT: AgentDescriptor = Object.freeze({
  name: 'gamma-flow',
  type: 'specialist',
  featureFlag: null,
  confidenceBounds: FULL_CONFIDENCE_BOUNDS,
});

/** Reason codes, stored and shown; never rename. */
export const GAMMA_FLOW_REASONS = {
  positiveGex: 'positive_gex',
  negativeGex: 'negative_gex',
  flatGex: 'flat_gex',
  callPremiumDominant: 'call_premium_dominant',
  putPremiumDominant: 'put_premium_dominant',
  premiumBalanced: 'premium_balanced',
  netFlowBullish: 'net_flow_bullish',
  netFlowBearish: 'net_flow_bearish',
  netFlowFlat: 'net_flow_flat',
  flowEmpty: 'flow_empty',
  signalsMixed: 'gamma_flow_mixed',
} as const;

export const GAMMA_FLOW_AGENT_SETTINGS = Object.freeze({
  /** Call share of call + put premium at or above which calls dominate (puts at or below 1 - this). */
  dominantShare: 0.6,
  /**
   * Directional confidence = directionalBase + agreementSpan × |score| / 3: every one of the three components counts,
   * so a missing or flat component (less evidence) lowers the confidence.
   */
  directionalBase: 40,
  agreementSpan: 40,
  neutralConfidence: 30,
});

const COMPONENTS = 3;

/**
 * Up to three components each vote +1 (bullish), -1 (bearish) or 0: net GEX sign; call vs put premium dominance;
 * net flow sign (bullish - bearish premium). Flow with no entries (or no premium) counts as absent. The bias is the
 * sign of the sum; confidence grows with the number of components that agree with it, net of those against.
 */
export function runGammaFlowAgent(ctx: AgentContext, _now: Date): AgentOutput | null {
  if (ctx.gex === null && ctx.flow === null) {
    return null;
  }
  const s = GAMMA_FLOW_AGENT_SETTINGS;
  const r = GAMMA_FLOW_REASONS;
  const reasons: string[] = [];
  let score = 0;
  let components = 0;

  const netGex = ctx.gex !== null && Number.isFinite(ctx.gex.netGex) ? ctx.gex.netGex : null;
  if (netGex !== null) {
    components += 1;
    if (netGex > 0) {
      score += 1;
      reasons.push(r.positiveGex);
    } else if (netGex < 0) {
      score -= 1;
      reasons.push(r.negativeGex);
    } else {
      reasons.push(r.flatGex);
    }
  }

  const flow = ctx.flow;
  const totalPremium = flow === null ? 0 : flow.callPremium + flow.putPremium;
  const callShare = totalPremium > 0 && flow !== null ? flow.callPremium / totalPremium : null;
  if (flow !== null && (flow.entries <= 0 || callShare === null || !Number.isFinite(callShare))) {
    reasons.push(r.flowEmpty);
  } else if (flow !== null && callShare !== null) {
    components += 2;
    if (callShare >= s.dominantShare) {
      score += 1;
      reasons.push(r.callPremiumDominant);
    } else if (callShare <= 1 - s.dominantShare) {
      score -= 1;
      reasons.push(r.putPremiumDominant);
    } else {
      reasons.push(r.premiumBalanced);
    }
    if (flow.netFlow > 0) {
      score += 1;
      reasons.push(r.netFlowBullish);
    } else if (flow.netFlow < 0) {
      score -= 1;
      reasons.push(r.netFlowBearish);
    } else {
      reasons.push(r.netFlowFlat);
    }
  }

  if (components === 0) {
    return null;
  }
  const bias = biasOfSign(score);
  let confidence: number = s.neutralConfidence;
  if (bias === 'neutral') {
    reasons.push(r.signalsMixed);
  } else {
    confidence = s.directionalBase + (s.agreementSpan * Math.abs(score)) / COMPONENTS;
  }

  return agentVote(GAMMA_FLOW_AGENT, {
    bias,
    confidence,
    reasons,
    metadata: {
      netGex,
      dealerPosition: ctx.gex?.dealerPosition ?? null,
      callPremium: flow?.callPremium ?? null,
      putPremium: flow?.putPremium ?? null,
      callShare,
      netFlow: flow?.netFlow ?? null,
      flowEntries: flow?.entries ?? null,
      score,
      components,
    },
  });
}
