import { Injectable } from '@nestjs/common';
import { RISK_AGENT, runRiskAgent, type AgentContext, type AgentOutput } from '../../../core/agents';
import { EngineBAgent, EngineBAgentProvider } from '../engine-b-agent.decorator';

@Injectable()
@EngineBAgent()
export class RiskAgent implements EngineBAgentProvider {
  readonly descriptor = RISK_AGENT;

  run(context: AgentContext, now: Date): AgentOutput | null {
    return runRiskAgent(context, now);
  }
}
