import { RISK_AGENT_NAME, type AgentBias, type AgentOutput, type AgentType } from './agent.types';

/**
 * MetaDecisionAgent (spec section 6 "Meta Decision Aggregation"), as a pure function.
 * See docs/agents-meta-decision.md for the algorithm, the tie rule and the `totalWeight` reading.
 */

export interface MetaDecisionConfig {
  /** Weight per agent type; each must be finite and >= 0. */
  weights: Record<AgentType, number>;
  /** Approve when the final confidence (0-100, one decimal) is at least this. */
  approveThreshold: number;
}

export const META_DECISION_DEFAULTS: Readonly<MetaDecisionConfig> = Object.freeze({
  weights: Object.freeze({ specialist: 0.4, core: 0.35, subagent: 0.25 }),
  approveThreshold: 50,
});

export type MetaDecisionVerdict = 'approve' | 'reject';

export interface MetaDecisionScores {
  bullish: number;
  bearish: number;
  neutral: number;
}

export interface MetaDecisionResult {
  decision: MetaDecisionVerdict;
  bias: AgentBias;
  /** scores[bias] / totalWeight, 0-100, one decimal; 0 on a veto or without outputs. */
  confidence: number;
  /** Σ weight × confidence per bias, over every output (also computed on a veto, for explainability). */
  scores: MetaDecisionScores;
  /** Σ weight of every agent that produced an output, whatever its bias. */
  totalWeight: number;
  /** The vetoing agent's name, or null. */
  vetoedBy: string | null;
  /** Agents whose bias equals the final bias (input order); empty on a veto. */
  contributingAgents: string[];
  /** Codes explaining the verdict, first the deciding one. */
  reasons: string[];
}

/** Reason codes, stored and shown; never rename. */
export const META_REASONS = {
  noOutputs: 'no_agent_outputs',
  riskVeto: 'risk_veto',
  zeroTotalWeight: 'zero_total_weight',
  biasTie: 'bias_tie',
  neutralBias: 'final_bias_neutral',
  lowConsensus: 'low_consensus',
  weightedConsensus: 'weighted_consensus',
} as const;

const EPSILON = 1e-9;
const BIAS_ORDER: readonly AgentBias[] = ['bullish', 'bearish', 'neutral'];

export function metaDecision(
  outputs: readonly AgentOutput[],
  config: MetaDecisionConfig = META_DECISION_DEFAULTS,
): MetaDecisionResult {
  assertConfig(config);

  const scores: MetaDecisionScores = { bullish: 0, bearish: 0, neutral: 0 };
  let totalWeight = 0;
  for (const output of outputs) {
    const weight = config.weights[output.type];
    scores[output.bias] += weight * clampConfidence(output.confidence);
    totalWeight += weight;
  }

  const base = { scores, totalWeight };

  if (outputs.length === 0) {
    return reject({ ...base, bias: 'neutral', reasons: [META_REASONS.noOutputs] });
  }

  // 1. Risk veto: absolute, whatever the other agents say.
  const veto = outputs.find((o) => o.agent.trim().toLowerCase() === RISK_AGENT_NAME && o.block === true);
  if (veto) {
    return reject({
      ...base,
      bias: 'neutral',
      vetoedBy: veto.agent,
      reasons: [META_REASONS.riskVeto, ...veto.reasons.map((r) => `${veto.agent}:${r}`)],
    });
  }

  if (totalWeight <= EPSILON) {
    return reject({ ...base, bias: 'neutral', reasons: [META_REASONS.zeroTotalWeight] });
  }

  // 2-3. Highest weighted score wins; any tie at the top resolves to neutral (no entry).
  const top = Math.max(scores.bullish, scores.bearish, scores.neutral);
  const leaders = BIAS_ORDER.filter((b) => top - scores[b] <= EPSILON);
  const bias: AgentBias = leaders.length === 1 ? leaders[0] : 'neutral';

  // 4. Confidence over every voter's weight: neutral and opposing votes dilute it.
  const confidence = round1(Math.min(100, Math.max(0, scores[bias] / totalWeight)));
  const contributingAgents = outputs.filter((o) => o.bias === bias).map((o) => o.agent);

  const reasons: string[] = [];
  if (leaders.length > 1) {
    reasons.push(META_REASONS.biasTie);
  }
  // 5. Approve iff confident enough and directional.
  let decision: MetaDecisionVerdict = 'reject';
  if (bias === 'neutral') {
    reasons.unshift(META_REASONS.neutralBias);
  } else if (confidence < config.approveThreshold) {
    reasons.unshift(META_REASONS.lowConsensus);
  } else {
    decision = 'approve';
    reasons.unshift(META_REASONS.weightedConsensus);
  }

  return { decision, bias, confidence, scores, totalWeight, vetoedBy: null, contributingAgents, reasons };
}

function reject(parts: {
  scores: MetaDecisionScores;
  totalWeight: number;
  bias: AgentBias;
  reasons: string[];
  vetoedBy?: string;
}): MetaDecisionResult {
  return {
    decision: 'reject',
    bias: parts.bias,
    confidence: 0,
    scores: parts.scores,
    totalWeight: parts.totalWeight,
    vetoedBy: parts.vetoedBy ?? null,
    contributingAgents: [],
    reasons: parts.reasons,
  };
}

function assertConfig(config: MetaDecisionConfig): void {
  for (const [type, weight] of Object.entries(config.weights)) {
    if (!Number.isFinite(weight) || weight < 0) {
      throw new RangeError(`meta decision weight for '${type}' must be a finite number >= 0, got ${weight}`);
    }
  }
  const t = config.approveThreshold;
  if (!Number.isFinite(t) || t < 0 || t > 100) {
    throw new RangeError(`meta decision approveThreshold must be within 0-100, got ${t}`);
  }
}

/** Defensive: outputs should already have passed `checkAgentOutput`, but never let NaN or > 100 through. */
function clampConfidence(value: number): number {
  return Number.isFinite(value) ? Math.min(100, Math.max(0, value)) : 0;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
