import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { CLOCK } from '../common/clock';
import type { Clock } from '../core/clock';
import { recordSignalJobFailure } from '../enrichment/signal-failures';
import { JobHandler, JobName, JobPayloads } from '../queues';
import { DecisionOutcome, DecisionService } from './decision.service';

@Injectable()
export class DecisionProcessor {
  constructor(
    private readonly decisions: DecisionService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @JobHandler(JobName.DecideSignal)
  async handle(job: Job<JobPayloads[JobName.DecideSignal]>): Promise<DecisionOutcome> {
    try {
      return await this.decisions.decide(job.data.signalId);
    } catch (error) {
      await recordSignalJobFailure(this.dataSource, job, job.data.signalId, this.clock.now());
      throw error;
    }
  }
}
