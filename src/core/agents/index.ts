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
export type { AgentContext, AgentFlow, AgentGex, AgentRiskState } from './agent-context';
export { agentVote, biasOfDirection, biasOfSign, type AgentVoteParts } from './agent-vote';
export { CONTEXT_AGENT, CONTEXT_AGENT_SETTINGS, CONTEXT_REASONS, runContextAgent } from './context.agent';
export { runTechnicalAgent, TECHNICAL_AGENT, TECHNICAL_AGENT_SETTINGS, TECHNICAL_REASONS } from './technical.agent';
export { RISK_AGENT, RISK_AGENT_SETTINGS, RISK_REASONS, runRiskAgent } from './risk.agent';
export { GAMMA_FLOW_AGENT, GAMMA_FLOW_AGENT_SETTINGS, GAMMA_FLOW_REASONS, runGammaFlowAgent } from './gamma-flow.agent';
export { ORB_AGENT, ORB_AGENT_SETTINGS, ORB_REASONS, runOrbAgent } from './orb.agent';
export {
  classifyStratBar,
  runStratAgent,
  STRAT_AGENT,
  STRAT_AGENT_SETTINGS,
  STRAT_REASONS,
  type StratBar,
} from './strat.agent';
export { runTtmAgent, TTM_AGENT, TTM_AGENT_SETTINGS, TTM_REASONS } from './ttm.agent';
export { runSatylandAgent, SATYLAND_AGENT, SATYLAND_AGENT_SETTINGS, SATYLAND_REASONS } from './satyland.agent';
export { ENGINE_B_AGENTS, type AgentRun, type EngineBAgent } from './engine-b-agents';
