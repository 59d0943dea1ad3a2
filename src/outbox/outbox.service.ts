import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from '../config';
import { CLOCK } from '../common/clock';
import type { Clock } from '../core/clock';
import { JobHandler, JobName, QueueName, QueueService, RedisStatusService } from '../queues';
import { OutboxRepository, StaleSignalCursor } from './outbox.repository';

const SCHEDULER_ID = 'outbox-sweep';

/** What one sweep re-offered: signals (enrich or decide), paper orders (execute), closed positions (feedback). */
export interface SweepResult {
  signals: number;
  orders: number;
  outcomes: number;
}
const FULL_SWEEP_EVERY_MS = 5 * 60_000;
/**
 * A signal's created_at is set just before its insert, which commits within a second (the webhook gives up at
 * 900 ms): re-checking 5 s back covers late commits without re-reading a minute of rows on every sweep.
 */
const LATE_COMMIT_MARGIN_MS = 5_000;
/** How often the sweep retries one order's failed execution job before leaving it to an operator. */
const MAX_RETRIES_OF_FAILED_ORDERS = 3;

/**
 * The outbox sweep: rows left in a non-terminal state past the grace period are put on their queue again. Job ids
 * come from the row id, so a row whose job still exists is not enqueued twice. Nothing is lost to a crash between
 * commit and enqueue, or to a Redis outage.
 */
@Injectable()
export class OutboxService implements OnApplicationBootstrap {
  private readonly logger = new Logger(OutboxService.name);
  private lastFullSweepAt: Date | null = null;
  private checkedUntil: Date | null = null;

  constructor(
    private readonly repository: OutboxRepository,
    private readonly queues: QueueService,
    private readonly redisStatus: RedisStatusService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.server.role === 'api') {
      return;
    }
    // Neither may hold up the boot: with Redis down they run once it is back.
    this.redisStatus.whenReady(() => {
      void this.schedule().catch((error: Error) => this.logger.warn(`sweep schedule not set: ${error.message}`));
      void this.sweep({ full: true }).catch((error: Error) => this.logger.warn(`boot sweep failed: ${error.message}`));
    });
  }

  @JobHandler(JobName.OutboxSweep)
  async onSweepJob(): Promise<SweepResult> {
    return this.sweep();
  }

  /**
   * Every sweep checks pending signals that became stale since the previous one (plus a margin for late commits);
   * a full sweep of every stale row runs at boot and every FULL_SWEEP_EVERY_MS, so a backlog (workers down, Redis
   * flushed) is re-checked without every 10 s sweep costing a pass over all of it.
   */
  async sweep(options: { full?: boolean } = {}): Promise<SweepResult> {
    const now = this.clock.now();
    const olderThan = new Date(now.getTime() - this.config.outbox.graceSeconds * 1000);
    const full =
      options.full === true ||
      this.lastFullSweepAt === null ||
      this.checkedUntil === null ||
      now.getTime() - this.lastFullSweepAt.getTime() >= FULL_SWEEP_EVERY_MS;
    const createdAfter =
      full || !this.checkedUntil ? null : new Date(this.checkedUntil.getTime() - LATE_COMMIT_MARGIN_MS);
    let cursor: StaleSignalCursor | null = null;
    let total = 0;
    for (;;) {
      const rows = await this.repository.findStaleSignals(
        now,
        olderThan,
        createdAfter,
        this.config.outbox.batchSize,
        cursor,
      );
      if (rows.length === 0) {
        break;
      }
      // A signal held for the open runs under its release mark (its first job is kept a day); an enriched one
      // waits for its decision.
      const items = rows.map((row) => ({
        signalId: row.signal_id,
        enriched: row.enriched,
        ...(row.queued_at ? { release: row.queued_at.getTime() } : {}),
      }));
      const payload = ({ signalId, release }: { signalId: string; release?: number }) =>
        release === undefined ? { signalId } : { signalId, release };
      total += await this.queues.enqueueMissing(
        JobName.EnrichSignal,
        items.filter((item) => !item.enriched).map(payload),
      );
      total += await this.queues.enqueueMissing(
        JobName.DecideSignal,
        items.filter((item) => item.enriched).map(payload),
      );
      const last = rows[rows.length - 1];
      cursor = { createdAt: last.created_at, signalId: last.signal_id };
      if (rows.length < this.config.outbox.batchSize) {
        break;
      }
    }
    const orders = await this.repository.findStalePendingOrders(olderThan, this.config.outbox.batchSize);
    const orderItems = orders.map((row) => ({ orderId: row.order_id }));
    // A pending order whose job failed for good (the order could not even be marked failed) is retried: otherwise a
    // closing position would stay closing forever.
    const orderTotal =
      (await this.queues.enqueueMissing(JobName.ExecuteOrder, orderItems)) +
      (await this.queues.retryFailed(JobName.ExecuteOrder, orderItems, MAX_RETRIES_OF_FAILED_ORDERS));
    const outcomes = await this.repository.findUncapturedOutcomes(olderThan, this.config.outbox.batchSize);
    const outcomeTotal = await this.queues.enqueueMissing(
      JobName.CaptureOutcome,
      outcomes.map((row) => ({ positionId: row.position_id, source: row.source })),
    );
    this.checkedUntil = olderThan;
    if (full) {
      this.lastFullSweepAt = now;
    }
    if (total > 0) {
      this.logger.log(`outbox sweep re-offered ${total} signal(s) to the signal queues`);
    }
    if (orderTotal > 0) {
      this.logger.log(`outbox sweep re-offered ${orderTotal} order(s) to the execution queue`);
    }
    return { signals: total, orders: orderTotal, outcomes: outcomeTotal };
  }

  private async schedule(): Promise<void> {
    await this.queues
      .queue(QueueName.Maintenance)
      .upsertJobScheduler(
        SCHEDULER_ID,
        { every: this.config.outbox.sweepIntervalMs },
        { name: JobName.OutboxSweep, data: { reason: 'schedule' }, opts: { removeOnComplete: 100, removeOnFail: 100 } },
      );
  }
}
