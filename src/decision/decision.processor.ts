import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { withTimeout } from '../common/async/with-timeout';
import { CLOCK } from '../common/clock';
import { AppConfig, APP_CONFIG } from '../config';
import type { Clock } from '../core/clock';
import { PROCESSING_TIMEOUT, recordSignalJobFailure } from '../enrichment/signal-failures';
import { JobHandler, JobName, JobPayloads } from '../queues';
import { DecisionOutcome, DecisionService } from './decision.service';

@Injectable()
export class DecisionProcessor {
  constructor(
    private readonly decisions: DecisionService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @JobHandler(JobName.DecideSignal)
  async handle(job: Job<JobPayloads[JobName.DecideSignal]>): Promise<DecisionOutcome> {
    try {
      return await withTimeout(
        this.decisions.decide(job.data.signalId),
        this.config.workers.orchestratorSignalTimeoutMs,
        PROCESSING_TIMEOUT,
      );
    } catch (error) {
      await recordSignalJobFailure(this.dataSource, job, job.data.signalId, this.clock.now(), error);
      throw error;
    }
  }
}
