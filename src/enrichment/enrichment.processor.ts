import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { CLOCK } from '../common/clock';
import type { Clock } from '../core/clock';
import { JobHandler, JobName, JobPayloads } from '../queues';
import { EnrichmentOutcome, EnrichmentService } from './enrichment.service';
import { recordSignalJobFailure } from './signal-failures';

@Injectable()
export class EnrichmentProcessor {
  constructor(
    private readonly enrichment: EnrichmentService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @JobHandler(JobName.EnrichSignal)
  async handle(job: Job<JobPayloads[JobName.EnrichSignal]>): Promise<EnrichmentOutcome> {
    try {
      return await this.enrichment.enrich(job.data.signalId);
    } catch (error) {
      await recordSignalJobFailure(this.dataSource, job, job.data.signalId, this.clock.now());
      throw error;
    }
  }
}
