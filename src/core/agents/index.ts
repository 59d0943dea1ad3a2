export {
  AGENT_BIASES,
  AGENT_TYPES,
  directionOf,
  FULL_CONFIDENCE_BOUNDS,
  isAgentBias,
  isAgentType,
  RISK_AGENT_NAME,
  SPEC_CONFIDENCE_BOUNDS,
  type AgentBias,
  type AgentDescriptor,
  type AgentDirection,
  type AgentOutput,
  type AgentType,
  type ConfidenceBounds,
  type RawAgentOutput,
} from './agent.types';
export { checkAgentOutput, type AgentOutputCheck } from './agent-output-check';
export {
  META_DECISION_DEFAULTS,
  META_REASONS,
  metaDecision,
  type MetaDecisionConfig,
  type MetaDecisionResult,
  type MetaDecisionScores,
  type MetaDecisionVerdict,
} from './meta-decision';
