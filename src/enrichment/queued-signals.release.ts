import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { CLOCK } from '../common/clock';
import type { Clock } from '../core/clock';
import { JobHandler, JobName, QueueName, QueueService, RedisStatusService } from '../queues';
import { EnrichmentRepository } from './enrichment.repository';

const SCHEDULER_ID = 'release-queued-signals';
const RELEASE_EVERY_MS = 60_000;
const BATCH = 500;

/**
 * Signals held for the open (status `queued`) go back to enrichment when their time comes: a delayed job set for
 * the open when a signal is queued, and a job scheduler every minute (BullMQ schedulers run once across instances)
 * that catches anything the delayed job missed. The job id carries the release mark, so a signal enriched before
 * (whose completed job is kept a day) runs again exactly once.
 */
@Injectable()
export class QueuedSignalsRelease implements OnApplicationBootstrap {
  private readonly logger = new Logger(QueuedSignalsRelease.name);

  constructor(
    private readonly repository: EnrichmentRepository,
    private readonly queues: QueueService,
    private readonly redisStatus: RedisStatusService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.redisStatus.whenReady(() => {
      void this.queues
        .queue(QueueName.Maintenance)
        .upsertJobScheduler(
          SCHEDULER_ID,
          { every: RELEASE_EVERY_MS },
          {
            name: JobName.ReleaseQueuedSignals,
            data: { reason: 'schedule' },
            opts: { removeOnComplete: 100, removeOnFail: 100 },
          },
        )
        .catch((error: Error) => this.logger.warn(`release schedule not set: ${error.message}`));
    });
  }

  @JobHandler(JobName.ReleaseQueuedSignals)
  async onReleaseJob(): Promise<{ released: number }> {
    return this.releaseDue();
  }

  async releaseDue(): Promise<{ released: number }> {
    let released = 0;
    for (;;) {
      const due = await this.repository.dueQueuedSignals(this.clock.now(), BATCH);
      if (due.length === 0) {
        break;
      }
      const added = await this.queues.enqueueMissing(
        JobName.EnrichSignal,
        due.map((row) => ({ signalId: row.signal_id, release: row.queued_at.getTime() })),
      );
      released += added;
      // Rows whose job already exists stay queued until that job runs; stop rather than spin on them.
      if (due.length < BATCH || added === 0) {
        break;
      }
    }
    if (released > 0) {
      this.logger.log(`released ${released} signal(s) held for the open`);
    }
    return { released };
  }
}
