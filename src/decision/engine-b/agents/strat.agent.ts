import { Injectable } from '@nestjs/common';
import { STRAT_AGENT, runStratAgent, type AgentContext, type AgentOutput } from '../../../core/agents';
import { EngineBAgent, EngineBAgentProvider } from '../engine-b-agent.decorator';

@Injectable()
@EngineBAgent()
export class StratAgent implements EngineBAgentProvider {
  readonly descriptor = STRAT_AGENT;

  run(context: AgentContext, now: Date): AgentOutput | null {
    return runStratAgent(context, now);
  }
}
