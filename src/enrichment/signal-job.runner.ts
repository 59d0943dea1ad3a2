import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { withTimeout } from '../common/async/with-timeout';
import { CLOCK } from '../common/clock';
import { AppConfig, APP_CONFIG } from '../config';
import type { Clock } from '../core/clock';
import { PROCESSING_TIMEOUT, recordSignalJobFailure } from './signal-failures';

/**
 * Runs one step of a signal job (enrichment, decision) within ORCHESTRATOR_SIGNAL_TIMEOUT_MS; a failure is written
 * on the signal (`retry_scheduled:<n>`, then `processing_timeout` / `processing_failed`) and rethrown for BullMQ.
 */
@Injectable()
export class SignalJobRunner {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run<T>(job: Job<{ signalId: string }>, step: (signalId: string) => Promise<T>): Promise<T> {
    try {
      return await withTimeout(
        step(job.data.signalId),
        this.config.workers.orchestratorSignalTimeoutMs,
        PROCESSING_TIMEOUT,
      );
    } catch (error) {
      await recordSignalJobFailure(this.dataSource, job, job.data.signalId, this.clock.now(), error);
      throw error;
    }
  }
}
