import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { SignalJobRunner } from '../enrichment/signal-job.runner';
import { JobHandler, JobName, JobPayloads } from '../queues';
import { DecisionOutcome, DecisionService } from './decision.service';

@Injectable()
export class DecisionProcessor {
  constructor(
    private readonly decisions: DecisionService,
    private readonly runner: SignalJobRunner,
  ) {}

  @JobHandler(JobName.DecideSignal)
  async handle(job: Job<JobPayloads[JobName.DecideSignal]>): Promise<DecisionOutcome> {
    return this.runner.run(job, (signalId) => this.decisions.decide(signalId));
  }
}
