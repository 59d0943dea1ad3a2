import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { withTimeout } from '../common/async/with-timeout';
import { CLOCK } from '../common/clock';
import { AppConfig, APP_CONFIG } from '../config';
import type { Clock } from '../core/clock';
import { JobHandler, JobName, JobPayloads } from '../queues';
import { EnrichmentOutcome, EnrichmentService } from './enrichment.service';
import { PROCESSING_TIMEOUT, recordSignalJobFailure } from './signal-failures';

@Injectable()
export class EnrichmentProcessor {
  constructor(
    private readonly enrichment: EnrichmentService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @JobHandler(JobName.EnrichSignal)
  async handle(job: Job<JobPayloads[JobName.EnrichSignal]>): Promise<EnrichmentOutcome> {
    try {
      return await withTimeout(
        this.enrichment.enrich(job.data.signalId),
        this.config.workers.orchestratorSignalTimeoutMs,
        PROCESSING_TIMEOUT,
      );
    } catch (error) {
      await recordSignalJobFailure(this.dataSource, job, job.data.signalId, this.clock.now(), error);
      throw error;
    }
  }
}
