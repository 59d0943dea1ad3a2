import { Injectable } from '@nestjs/common';
import { TECHNICAL_AGENT, runTechnicalAgent, type AgentContext, type AgentOutput } from '../../../core/agents';
import { EngineBAgent, EngineBAgentProvider } from '../engine-b-agent.decorator';

@Injectable()
@EngineBAgent()
export class TechnicalAgent implements EngineBAgentProvider {
  readonly descriptor = TECHNICAL_AGENT;

  run(context: AgentContext, now: Date): AgentOutput | null {
    return runTechnicalAgent(context, now);
  }
}
