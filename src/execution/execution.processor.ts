import { Injectable } from '@nestjs/common';
import { DelayedError, type Job } from 'bullmq';
import { wallMsUntil } from '../core/clock';
import { JobHandler, JobName, JobPayloads } from '../queues';
import { ExecutionOutcome, ExecutionService, FillUnavailableError } from './execution.service';

/** The failure reason of an order whose execution kept failing for a reason other than its quote. */
export const EXECUTION_ERROR = 'execution_error';

@Injectable()
export class ExecutionProcessor {
  constructor(private readonly execution: ExecutionService) {}

  /**
   * Outside the options session the job waits (moved to delayed until the next open, not failed); a missing or stale
   * quote, or any other error, is retried with backoff and, once the attempts are spent, the order fails with the
   * quote's reason code or `execution_error`.
   */
  @JobHandler(JobName.ExecuteOrder)
  async handle(job: Job<JobPayloads[JobName.ExecuteOrder]>, token?: string): Promise<ExecutionOutcome> {
    let outcome: ExecutionOutcome;
    try {
      outcome = await this.execution.execute(job.data.orderId);
    } catch (error) {
      const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (!last) {
        throw error;
      }
      // Attempts spent: the order is given up with the quote's code, or `execution_error` for anything else, so a
      // closing order gives its position back instead of leaving it closing for good. When even that cannot be
      // written (database down) the job fails and the outbox retries it once the order is past its grace period.
      const code = error instanceof FillUnavailableError ? error.code : EXECUTION_ERROR;
      const order = await this.execution.orderOf(job.data.orderId).catch(() => null);
      if (!order) {
        throw error;
      }
      return this.execution.fail(order, code, this.execution.now()).catch(() => {
        throw error;
      });
    }
    if (outcome.kind === 'wait_for_open' && token) {
      // BullMQ's timers run on wall time: wait until the platform clock reaches the open (plus a second).
      const waitMs = wallMsUntil(outcome.until, this.execution.now(), this.execution.clockSpeed(), 1_000);
      await job.moveToDelayed(Date.now() + waitMs, token);
      throw new DelayedError();
    }
    return outcome;
  }
}
