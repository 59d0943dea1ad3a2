import { Module } from '@nestjs/common';
import { FeatureFlagsModule } from '../feature-flags/feature-flags.module';
import { PositioningModule } from '../positioning/positioning.module';
import { RiskModule } from '../risk/risk.module';
import { EnrichmentProcessor } from './enrichment.processor';
import { EnrichmentRepository } from './enrichment.repository';
import { EnrichmentService } from './enrichment.service';
import { QueuedSignalsRelease } from './queued-signals.release';
import { SignalJobRunner } from './signal-job.runner';

@Module({
  imports: [FeatureFlagsModule, PositioningModule, RiskModule],
  providers: [EnrichmentRepository, EnrichmentService, EnrichmentProcessor, QueuedSignalsRelease, SignalJobRunner],
  exports: [EnrichmentRepository, EnrichmentService, QueuedSignalsRelease, SignalJobRunner],
})
export class EnrichmentModule {}
