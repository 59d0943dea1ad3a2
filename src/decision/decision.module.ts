import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { BiasModule } from '../bias/bias.module';
import { EnrichmentModule } from '../enrichment/enrichment.module';
import { FeatureFlagsModule } from '../feature-flags/feature-flags.module';
import { FeedbackModule } from '../feedback/feedback.module';
import { PositionsModule } from '../positions/positions.module';
import { RiskModule } from '../risk/risk.module';
import { StrikesModule } from '../strikes/strikes.module';
import { DecisionController } from './decision.controller';
import { DecisionProcessor } from './decision.processor';
import { DecisionRepository } from './decision.repository';
import { DecisionService } from './decision.service';
import { DecisionViewRepository } from './decision-view.repository';
import { EngineAService } from './engine-a.service';
import { AgentRegistry } from './engine-b/agent-registry.service';
import { ENGINE_B_AGENT_PROVIDERS } from './engine-b/agents';
import { EngineBService } from './engine-b/engine-b.service';

@Module({
  imports: [
    DiscoveryModule,
    BiasModule,
    EnrichmentModule,
    FeatureFlagsModule,
    FeedbackModule,
    PositionsModule,
    RiskModule,
    StrikesModule,
  ],
  controllers: [DecisionController],
  providers: [
    DecisionRepository,
    DecisionViewRepository,
    DecisionService,
    DecisionProcessor,
    EngineAService,
    EngineBService,
    AgentRegistry,
    ...ENGINE_B_AGENT_PROVIDERS,
  ],
  exports: [DecisionService, AgentRegistry],
})
export class DecisionModule {}
