import type { AgentBias, AgentDescriptor, AgentOutput } from './agent.types';

/**
 * Helpers shared by the Engine B agents (pure). `agentVote` turns an agent's raw score into an `AgentOutput`: the
 * confidence is rounded to an integer, `metadata.agentType` is set as in the spec's example outputs, and `block` is
 * false unless the agent (the risk agent) says otherwise. It does not clamp: every agent stays within its bounds by
 * construction (the specs check it), and anything else is for `checkAgentOutput` to repair and report, not to hide.
 */

export interface AgentVoteParts {
  bias: AgentBias;
  confidence: number;
  reasons: string[];
  metadata?: Record<string, unknown>;
  block?: boolean;
}

export function agentVote(descriptor: AgentDescriptor, parts: AgentVoteParts): AgentOutput {
  return {
    agent: descriptor.name,
    type: descriptor.type,
    bias: parts.bias,
    confidence: Math.round(parts.confidence),
    reasons: parts.reasons,
    block: parts.block ?? false,
    metadata: { agentType: descriptor.type, ...parts.metadata },
  };
}

/** long → bullish, short → bearish. */
export function biasOfDirection(direction: 'long' | 'short'): AgentBias {
  return direction === 'long' ? 'bullish' : 'bearish';
}

/** > 0 → bullish, < 0 → bearish, 0 (or not finite) → neutral. */
export function biasOfSign(value: number): AgentBias {
  if (value > 0) {
    return 'bullish';
  }
  if (value < 0) {
    return 'bearish';
  }
  return 'neutral';
}

/** The price an agent may use: finite and > 0, else null. */
export function usablePrice(price: number | null): number | null {
  return price !== null && Number.isFinite(price) && price > 0 ? price : null;
}

/** A finite number, else null (indicators may be null; never let NaN through). */
export function finiteOrNull(value: number | null | undefined): number | null {
  return value !== null && value !== undefined && Number.isFinite(value) ? value : null;
}
