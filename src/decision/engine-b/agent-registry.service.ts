import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { AGENT_TYPES } from '../../core/agents';
import { ENGINE_B_AGENT_METADATA, EngineBAgentProvider } from './engine-b-agent.decorator';

/** Every @EngineBAgent provider of the application, core agents first, then specialists, then subagents. */
@Injectable()
export class AgentRegistry implements OnModuleInit {
  private readonly logger = new Logger(AgentRegistry.name);
  private agents: EngineBAgentProvider[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    const found: EngineBAgentProvider[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as EngineBAgentProvider | undefined;
      if (!instance || !wrapper.metatype || typeof wrapper.metatype !== 'function') {
        continue;
      }
      if (!this.reflector.get<boolean>(ENGINE_B_AGENT_METADATA, wrapper.metatype)) {
        continue;
      }
      if (found.some((agent) => agent.descriptor.name === instance.descriptor.name)) {
        throw new Error(`Two Engine B agents are named '${instance.descriptor.name}'`);
      }
      found.push(instance);
    }
    const rank = (agent: EngineBAgentProvider) => AGENT_TYPES.indexOf(agent.descriptor.type);
    this.agents = found
      .map((agent, index) => ({ agent, index }))
      .sort((a, b) => rank(a.agent) - rank(b.agent) || a.index - b.index)
      .map(({ agent }) => agent);
    this.logger.log(`Engine B agents: ${this.agents.map((a) => a.descriptor.name).join(', ') || 'none'}`);
  }

  all(): readonly EngineBAgentProvider[] {
    return this.agents;
  }
}
