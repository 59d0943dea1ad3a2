import { SetMetadata } from '@nestjs/common';
import type { AgentContext } from '../../core/agents/agent-context';
import type { AgentDescriptor, RawAgentOutput } from '../../core/agents';

export const ENGINE_B_AGENT_METADATA = 'platform:engine-b-agent';

/**
 * Marks a provider as an Engine B agent. Adding an agent is one class with this decorator, listed in a module's
 * providers: the engine finds it at boot, checks its flag, runs it and weighs its vote. No edit to the engine.
 */
export const EngineBAgent = (): ClassDecorator => SetMetadata(ENGINE_B_AGENT_METADATA, true);

export interface EngineBAgentProvider {
  readonly descriptor: AgentDescriptor;
  /** null: nothing to say on this signal (no data, pattern absent). May be async; a slow agent is timed out. */
  run(context: AgentContext, now: Date): RawAgentOutput | null | Promise<RawAgentOutput | null>;
}
