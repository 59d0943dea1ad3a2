import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobHandler, JobName, JobPayloads } from '../queues';
import { EnrichmentOutcome, EnrichmentService } from './enrichment.service';
import { SignalJobRunner } from './signal-job.runner';

@Injectable()
export class EnrichmentProcessor {
  constructor(
    private readonly enrichment: EnrichmentService,
    private readonly runner: SignalJobRunner,
  ) {}

  @JobHandler(JobName.EnrichSignal)
  async handle(job: Job<JobPayloads[JobName.EnrichSignal]>): Promise<EnrichmentOutcome> {
    return this.runner.run(job, (signalId) => this.enrichment.enrich(signalId));
  }
}
