import { Injectable } from '@nestjs/common';
import { GAMMA_FLOW_AGENT, runGammaFlowAgent, type AgentContext, type AgentOutput } from '../../../core/agents';
import { EngineBAgent, EngineBAgentProvider } from '../engine-b-agent.decorator';

@Injectable()
@EngineBAgent()
export class GammaFlowAgent implements EngineBAgentProvider {
  readonly descriptor = GAMMA_FLOW_AGENT;

  run(context: AgentContext, now: Date): AgentOutput | null {
    return runGammaFlowAgent(context, now);
  }
}
