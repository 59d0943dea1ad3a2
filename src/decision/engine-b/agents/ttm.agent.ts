import { Injectable } from '@nestjs/common';
import { TTM_AGENT, runTtmAgent, type AgentContext, type AgentOutput } from '../../../core/agents';
import { EngineBAgent, EngineBAgentProvider } from '../engine-b-agent.decorator';

@Injectable()
@EngineBAgent()
export class TtmAgent implements EngineBAgentProvider {
  readonly descriptor = TTM_AGENT;

  run(context: AgentContext, now: Date): AgentOutput | null {
    return runTtmAgent(context, now);
  }
}
