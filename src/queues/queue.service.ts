import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type { JobsOptions, Queue } from 'bullmq';
import { AppConfig, APP_CONFIG } from '../config';
import { DEFAULT_JOB_OPTIONS, JOB_ID, JOB_QUEUE, JobName, JobPayloads, QueueName } from './queue.contract';
import { withTimeout } from '../common/async/with-timeout';
import { RedisStatusService } from './redis-status.service';

/** How long the outbox remembers how often it retried a failed job. */
const RETRY_COUNTER_TTL_SECONDS = 7 * 24 * 3600;

export type EnqueueOutcome = 'enqueued' | 'skipped_redis_down' | 'failed';

/** The one way to put work on a queue: typed by job name, job id from the domain id, shared options. */
@Injectable()
export class QueueService implements OnApplicationShutdown {
  private readonly logger = new Logger(QueueService.name);
  private readonly queues = new Map<QueueName, Queue>();

  constructor(
    @InjectQueue(QueueName.Signals) signals: Queue,
    @InjectQueue(QueueName.Decisions) decisions: Queue,
    @InjectQueue(QueueName.Executions) executions: Queue,
    @InjectQueue(QueueName.Positions) positions: Queue,
    @InjectQueue(QueueName.Feedback) feedback: Queue,
    @InjectQueue(QueueName.Alerts) alerts: Queue,
    @InjectQueue(QueueName.Maintenance) maintenance: Queue,
    private readonly redisStatus: RedisStatusService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    const all: Record<QueueName, Queue> = {
      [QueueName.Signals]: signals,
      [QueueName.Decisions]: decisions,
      [QueueName.Executions]: executions,
      [QueueName.Positions]: positions,
      [QueueName.Feedback]: feedback,
      [QueueName.Alerts]: alerts,
      [QueueName.Maintenance]: maintenance,
    };
    for (const name of Object.values(QueueName)) {
      // An unhandled 'error' event would crash the process while Redis is down.
      all[name].on('error', (error: Error) => this.logger.debug(`queue ${name}: ${error.message}`));
      this.queues.set(name, all[name]);
    }
  }

  /** With Redis unreachable a queue's close never settles its connection: drop it so the process can exit. */
  async onApplicationShutdown(): Promise<void> {
    if (!this.redisStatus.isReady()) {
      for (const queue of this.queues.values()) {
        void queue.disconnect().catch(() => undefined);
      }
    }
  }

  queue(name: QueueName): Queue {
    const queue = this.queues.get(name);
    if (!queue) {
      throw new Error(`Unknown queue ${name}`);
    }
    return queue;
  }

  allQueues(): Queue[] {
    return [...this.queues.values()];
  }

  /** Adds a job; throws when Redis refuses it. Callers that must not fail use `tryEnqueue`. */
  async enqueue<N extends JobName>(name: N, data: JobPayloads[N], options: JobsOptions = {}): Promise<void> {
    const jobId = JOB_ID[name];
    await this.queue(JOB_QUEUE[name]).add(name, data, {
      ...this.defaultsFor(name),
      ...(jobId ? { jobId: jobId(data) } : {}),
      ...options,
    });
  }

  /**
   * Enqueues the items whose job does not exist in Redis (waiting, active, delayed, completed or failed); returns how
   * many were added. Checking first keeps a sweep over a long backlog to one cheap round trip per batch.
   */
  async enqueueMissing<N extends JobName>(name: N, items: JobPayloads[N][]): Promise<number> {
    const jobId = JOB_ID[name];
    if (!jobId) {
      throw new Error(`${name} has no domain job id`);
    }
    const queue = this.queue(JOB_QUEUE[name]);
    const exists = await this.redisStatus.existing(items.map((data) => queue.toKey(jobId(data))));
    const missing = items.filter((_, index) => !exists[index]);
    await this.enqueueMany(name, missing);
    return missing.length;
  }

  /**
   * Retries, from their first attempt, the items whose job failed for good (attempts spent while the database or a
   * dependency was down). Each job is retried at most `maxRetries` times by this path; past that it stays failed for
   * an operator (Bull Board). Returns how many were retried.
   */
  async retryFailed<N extends JobName>(name: N, items: JobPayloads[N][], maxRetries: number): Promise<number> {
    const jobId = JOB_ID[name];
    if (!jobId) {
      throw new Error(`${name} has no domain job id`);
    }
    if (items.length === 0) {
      return 0;
    }
    const queue = this.queue(JOB_QUEUE[name]);
    const ids = items.map((data) => jobId(data));
    const scores = await this.redisStatus.client.zmscore(queue.toKey('failed'), ...ids);
    const counter = `${this.config.redis.queuePrefix}:outbox-retries:${queue.name}`;
    let retried = 0;
    for (const [index, score] of scores.entries()) {
      if (score === null) {
        continue;
      }
      const retries = await this.redisStatus.client.hincrby(counter, ids[index], 1);
      await this.redisStatus.client.expire(counter, RETRY_COUNTER_TTL_SECONDS);
      if (retries > maxRetries) {
        continue;
      }
      const job = await queue.getJob(ids[index]);
      // It may have been retried or removed since the check: nothing to do then.
      await job
        ?.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true })
        .then(() => (retried += 1))
        .catch((error: Error) => this.logger.debug(`retry of ${ids[index]} skipped: ${error.message}`));
    }
    return retried;
  }

  async enqueueMany<N extends JobName>(name: N, items: JobPayloads[N][]): Promise<void> {
    if (items.length === 0) {
      return;
    }
    const jobId = JOB_ID[name];
    await this.queue(JOB_QUEUE[name]).addBulk(
      items.map((data) => ({
        name,
        data,
        opts: { ...this.defaultsFor(name), ...(jobId ? { jobId: jobId(data) } : {}) },
      })),
    );
  }

  /**
   * Enqueue without ever failing the caller: skipped at once while Redis is down, bounded by a timeout otherwise.
   * What is missed here the outbox sweep enqueues later (the row is already committed).
   */
  async tryEnqueue<N extends JobName>(name: N, data: JobPayloads[N]): Promise<EnqueueOutcome> {
    if (!this.redisStatus.isReady()) {
      return 'skipped_redis_down';
    }
    try {
      await withTimeout(this.enqueue(name, data), this.config.webhook.enqueueTimeoutMs, 'enqueue timed out');
      return 'enqueued';
    } catch (error) {
      this.logger.warn(`enqueue ${name} failed, left to the outbox sweep: ${(error as Error).message}`);
      return 'failed';
    }
  }

  /** ORCHESTRATOR_MAX_ATTEMPTS applies to the signal jobs, ALERT_MAX_ATTEMPTS to alerts; others: the contract's. */
  private defaultsFor(name: JobName): JobsOptions {
    if (name === JobName.EnrichSignal || name === JobName.DecideSignal) {
      return { ...DEFAULT_JOB_OPTIONS, attempts: this.config.workers.orchestratorMaxAttempts };
    }
    if (name === JobName.DeliverAlert) {
      return {
        ...DEFAULT_JOB_OPTIONS,
        attempts: this.config.alerts.maxAttempts,
        backoff: { type: 'exponential', delay: this.config.alerts.backoffMs },
        removeOnFail: { age: 7 * 24 * 3600 },
      };
    }
    return DEFAULT_JOB_OPTIONS;
  }
}
