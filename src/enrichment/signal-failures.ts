import type { Job } from 'bullmq';
import type { DataSource } from 'typeorm';

/** The error message of a signal job that exceeded ORCHESTRATOR_SIGNAL_TIMEOUT_MS. */
export const PROCESSING_TIMEOUT = 'processing_timeout';

/**
 * What a failed signal job leaves on the row (spec section 8 orchestrator codes): `retry_scheduled:<attempt>` while
 * BullMQ will try again (with `next_retry_at`), then `processing_timeout` or `processing_failed` once the attempts
 * (ORCHESTRATOR_MAX_ATTEMPTS) are spent. Only an undecided signal is touched. Best effort: the database may be the
 * thing that failed.
 */
export async function recordSignalJobFailure(
  dataSource: DataSource,
  job: Pick<Job, 'attemptsMade' | 'opts'>,
  signalId: string,
  now: Date,
  error?: unknown,
): Promise<void> {
  const finalReason =
    error instanceof Error && error.message === PROCESSING_TIMEOUT ? PROCESSING_TIMEOUT : 'processing_failed';
  const attempt = job.attemptsMade + 1;
  const attempts = job.opts.attempts ?? 1;
  const last = attempt >= attempts;
  const backoff = job.opts.backoff;
  const delayMs = typeof backoff === 'object' && backoff.delay ? backoff.delay * 2 ** (attempt - 1) : 0;
  await dataSource
    .query(
      last
        ? `UPDATE signals SET status = 'rejected', rejection_reason = $3, processed = true,
                  next_retry_at = NULL, updated_at = $2
            WHERE signal_id = $1 AND status IN ('pending', 'queued')`
        : `UPDATE signals SET rejection_reason = $3, next_retry_at = $4, updated_at = $2
            WHERE signal_id = $1 AND status IN ('pending', 'queued')`,
      last
        ? [signalId, now, finalReason]
        : [signalId, now, `retry_scheduled:${attempt}`, new Date(now.getTime() + delayMs)],
    )
    .catch(() => undefined);
}
