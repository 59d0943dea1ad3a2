import { Injectable } from '@nestjs/common';
import { SATYLAND_AGENT, runSatylandAgent, type AgentContext, type AgentOutput } from '../../../core/agents';
import { EngineBAgent, EngineBAgentProvider } from '../engine-b-agent.decorator';

@Injectable()
@EngineBAgent()
export class SatylandAgent implements EngineBAgentProvider {
  readonly descriptor = SATYLAND_AGENT;

  run(context: AgentContext, now: Date): AgentOutput | null {
    return runSatylandAgent(context, now);
  }
}
