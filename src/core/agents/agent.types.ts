/**
 * Engine B agent contracts (spec section 6). Pure types: no Nest, no clock.
 * The Nest providers that run the agents live outside `src/core`; each wraps a pure function
 * returning an `AgentOutput` and declares an `AgentDescriptor`.
 */

export const AGENT_TYPES = ['core', 'specialist', 'subagent'] as const;
export type AgentType = (typeof AGENT_TYPES)[number];

export const AGENT_BIASES = ['bullish', 'bearish', 'neutral'] as const;
export type AgentBias = (typeof AGENT_BIASES)[number];

/** Trade direction implied by a directional bias. */
export type AgentDirection = 'long' | 'short';

/** One agent's vote. `confidence` is on a 0-100 scale; `block` is honoured only for the risk agent. */
export interface AgentOutput {
  agent: string;
  type: AgentType;
  bias: AgentBias;
  confidence: number;
  reasons: string[];
  block?: boolean;
  metadata?: Record<string, unknown>;
}

/**
 * What an agent produced before the run-time check: bias and type may be mis-cased or unknown,
 * confidence may be out of range or not finite. `AgentOutput` is assignable to it.
 */
export interface RawAgentOutput {
  agent: string;
  type?: string;
  bias: string;
  confidence: number;
  reasons?: readonly string[];
  block?: boolean;
  metadata?: Record<string, unknown>;
}

export interface ConfidenceBounds {
  min: number;
  max: number;
}

/** Static declaration of an agent: its name, type, feature flag (null = always active) and confidence bounds. */
export interface AgentDescriptor {
  name: string;
  type: AgentType;
  featureFlag: string | null;
  confidenceBounds: ConfidenceBounds;
}

/** The full 0-100 range; the spec's default for every agent without tighter bounds. */
export const FULL_CONFIDENCE_BOUNDS: ConfidenceBounds = Object.freeze({ min: 0, max: 100 });

/** Spec section 6 "Confidence Scoring": agent-specific bounds (all others 0-100). */
export const SPEC_CONFIDENCE_BOUNDS = Object.freeze({
  ttm: Object.freeze({ min: 0, max: 80 }),
  satyland: Object.freeze({ min: 20, max: 90 }),
}) satisfies Record<string, ConfidenceBounds>;

/** The name the risk agent must use for its veto (`agent === 'risk'`, spec section 6). */
export const RISK_AGENT_NAME = 'risk';

export function isAgentType(value: string): value is AgentType {
  return (AGENT_TYPES as readonly string[]).includes(value);
}

export function isAgentBias(value: string): value is AgentBias {
  return (AGENT_BIASES as readonly string[]).includes(value);
}

/** bullish → long, bearish → short, neutral → null (no entry direction). */
export function directionOf(bias: AgentBias): AgentDirection | null {
  switch (bias) {
    case 'bullish':
      return 'long';
    case 'bearish':
      return 'short';
    case 'neutral':
      return null;
  }
}
