import type { AgentContext } from './agent-context';
import type { AgentDescriptor, AgentOutput } from './agent.types';
import { CONTEXT_AGENT, runContextAgent } from './context.agent';
import { GAMMA_FLOW_AGENT, runGammaFlowAgent } from './gamma-flow.agent';
import { ORB_AGENT, runOrbAgent } from './orb.agent';
import { RISK_AGENT, runRiskAgent } from './risk.agent';
import { runSatylandAgent, SATYLAND_AGENT } from './satyland.agent';
import { runStratAgent, STRAT_AGENT } from './strat.agent';
import { runTechnicalAgent, TECHNICAL_AGENT } from './technical.agent';
import { runTtmAgent, TTM_AGENT } from './ttm.agent';

/** A pure Engine B agent: null when not applicable (no data for it). */
export type AgentRun = (ctx: AgentContext, now: Date) => AgentOutput | null;

export interface EngineBAgent {
  descriptor: AgentDescriptor;
  run: AgentRun;
}

/**
 * The eight voting agents of spec section 6, in the spec table's order (the MetaDecisionAgent aggregates them and
 * is not listed). The caller skips agents whose `descriptor.featureFlag` is off, runs each one in isolation (an
 * exception skips that agent only) and passes every output through `checkAgentOutput` before `metaDecision`.
 */
export const ENGINE_B_AGENTS: ReadonlyArray<EngineBAgent> = Object.freeze([
  { descriptor: CONTEXT_AGENT, run: runContextAgent },
  { descriptor: TECHNICAL_AGENT, run: runTechnicalAgent },
  { descriptor: RISK_AGENT, run: runRiskAgent },
  { descriptor: GAMMA_FLOW_AGENT, run: runGammaFlowAgent },
  { descriptor: ORB_AGENT, run: runOrbAgent },
  { descriptor: STRAT_AGENT, run: runStratAgent },
  { descriptor: TTM_AGENT, run: runTtmAgent },
  { descriptor: SATYLAND_AGENT, run: runSatylandAgent },
]);
