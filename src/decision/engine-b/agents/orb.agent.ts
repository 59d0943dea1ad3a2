import { Injectable } from '@nestjs/common';
import { ORB_AGENT, runOrbAgent, type AgentContext, type AgentOutput } from '../../../core/agents';
import { EngineBAgent, EngineBAgentProvider } from '../engine-b-agent.decorator';

@Injectable()
@EngineBAgent()
export class OrbAgent implements EngineBAgentProvider {
  readonly descriptor = ORB_AGENT;

  run(context: AgentContext, now: Date): AgentOutput | null {
    return runOrbAgent(context, now);
  }
}
