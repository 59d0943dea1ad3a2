import { Module } from '@nestjs/common';
import { FeatureFlagsModule } from '../feature-flags/feature-flags.module';
import { PositioningModule } from '../positioning/positioning.module';
import { RiskModule } from '../risk/risk.module';
import { EnrichmentProcessor } from './enrichment.processor';
import { EnrichmentRepository } from './enrichment.repository';
import { EnrichmentService } from './enrichment.service';
import { QueuedSignalsRelease } from './queued-signals.release';

@Module({
  imports: [FeatureFlagsModule, PositioningModule, RiskModule],
  providers: [EnrichmentRepository, EnrichmentService, EnrichmentProcessor, QueuedSignalsRelease],
  exports: [EnrichmentRepository, EnrichmentService, QueuedSignalsRelease],
})
export class EnrichmentModule {}
