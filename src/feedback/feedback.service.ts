import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { CLOCK } from '../common/clock';
import { AppConfig, APP_CONFIG } from '../config';
import type { Clock } from '../core/clock';
import { agentPerformance, DEFAULT_TUNER_CONFIG, tune, type TuningResult } from '../core/feedback';
import { JobHandler, JobName, QueueName, QueueService, RedisStatusService } from '../queues';
import { FeedbackRepository } from './feedback.repository';
import { TunedParameters } from './tuned-parameters.service';

const TUNE_SCHEDULER = 'adaptive-tuning';
const TUNE_EVERY_MS = 15 * 60_000;

/**
 * Spec section 11: every close (real and shadow) is captured as a trade outcome with its entry state, the agents'
 * performance is recomputed from their votes and the outcomes, and the adaptive tuner runs on a schedule, bounded
 * and audited (bias_adaptive_config_history), only above ADAPTIVE_TUNING_MIN_SAMPLES and when enabled.
 */
@Injectable()
export class FeedbackService implements OnApplicationBootstrap {
  private readonly logger = new Logger(FeedbackService.name);

  constructor(
    private readonly repository: FeedbackRepository,
    private readonly tuned: TunedParameters,
    private readonly queues: QueueService,
    private readonly redisStatus: RedisStatusService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.redisStatus.whenReady(() => {
      void this.queues
        .queue(QueueName.Feedback)
        .upsertJobScheduler(
          TUNE_SCHEDULER,
          { every: TUNE_EVERY_MS },
          {
            name: JobName.TuneParameters,
            data: { reason: 'schedule' },
            opts: { removeOnComplete: 100, removeOnFail: 100 },
          },
        )
        .catch((error: Error) => this.logger.warn(`tuning schedule not set: ${error.message}`));
    });
  }

  @JobHandler(JobName.CaptureOutcome)
  async onCaptureJob(job: { data: { positionId: string; source: 'live' | 'shadow' } }): Promise<{ captured: boolean }> {
    return this.capture(job.data.positionId, job.data.source);
  }

  async capture(positionId: string, source: 'live' | 'shadow'): Promise<{ captured: boolean }> {
    const outcome = await this.repository.closedPosition(positionId, source);
    if (!outcome) {
      return { captured: false };
    }
    const captured = await this.repository.captureOutcome(outcome);
    if (captured) {
      await this.refreshAgentPerformance();
    }
    return { captured };
  }

  async refreshAgentPerformance(): Promise<void> {
    const [votes, outcomes] = await Promise.all([this.repository.votes(), this.repository.outcomes()]);
    await this.repository.saveAgentPerformance(
      agentPerformance(
        votes,
        outcomes.filter((o) => o.source === 'live'),
      ),
      this.clock.now(),
    );
  }

  @JobHandler(JobName.TuneParameters)
  async onTuneJob(): Promise<TuningResult> {
    return this.runTuner();
  }

  async runTuner(): Promise<TuningResult> {
    const now = this.clock.now();
    const [outcomes, current] = await Promise.all([this.repository.outcomes(), this.tuned.current()]);
    const result = tune(
      outcomes,
      current,
      { ...DEFAULT_TUNER_CONFIG, enabled: this.config.tuning.enabled, minSamples: this.config.tuning.minSamples },
      now.getTime(),
    );
    await this.repository.recordTuning(result.changes, now);
    if (result.changes.length > 0) {
      this.logger.log(
        `adaptive tuner: ${result.changes.map((c) => `${c.key} ${c.oldValue} -> ${c.newValue}`).join(', ')}`,
      );
    }
    return result;
  }
}
