import { Injectable } from '@nestjs/common';
import { CONTEXT_AGENT, runContextAgent, type AgentContext, type AgentOutput } from '../../../core/agents';
import { EngineBAgent, EngineBAgentProvider } from '../engine-b-agent.decorator';

@Injectable()
@EngineBAgent()
export class ContextAgent implements EngineBAgentProvider {
  readonly descriptor = CONTEXT_AGENT;

  run(context: AgentContext, now: Date): AgentOutput | null {
    return runContextAgent(context, now);
  }
}
