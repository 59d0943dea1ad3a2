import { Injectable } from '@nestjs/common';
import { DelayedError, type Job } from 'bullmq';
import { JobHandler, JobName, JobPayloads } from '../queues';
import { ExecutionOutcome, ExecutionService, FillUnavailableError } from './execution.service';

@Injectable()
export class ExecutionProcessor {
  constructor(private readonly execution: ExecutionService) {}

  /**
   * Outside the options session the job waits (moved to delayed until the next open, not failed); a missing or stale
   * quote is retried with backoff and, once the attempts are spent, the order fails with the quote's reason code.
   */
  @JobHandler(JobName.ExecuteOrder)
  async handle(job: Job<JobPayloads[JobName.ExecuteOrder]>, token?: string): Promise<ExecutionOutcome> {
    let outcome: ExecutionOutcome;
    try {
      outcome = await this.execution.execute(job.data.orderId);
    } catch (error) {
      const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (last && error instanceof FillUnavailableError) {
        const order = await this.execution.orderOf(job.data.orderId);
        if (order) {
          return this.execution.fail(order, error.code, this.execution.now());
        }
      }
      throw error;
    }
    if (outcome.kind === 'wait_for_open' && token) {
      // BullMQ's timers run on wall time: wait as long as the platform clock has until the open (plus a second).
      const waitMs = Math.max(1_000, outcome.until.getTime() - this.execution.now().getTime() + 1_000);
      await job.moveToDelayed(Date.now() + waitMs, token);
      throw new DelayedError();
    }
    return outcome;
  }
}
