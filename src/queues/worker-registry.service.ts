import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { DelayedError, Job, UnrecoverableError, Worker } from 'bullmq';
import { AppConfig, APP_CONFIG } from '../config';
import { JOB_HANDLER_METADATA } from './job-handler.decorator';
import {
  JOB_QUEUE,
  JobName,
  jobNamesOf,
  QueueName,
  WORKER_LOCK_DURATION_MS,
  WORKER_MAX_STALLED_COUNT,
  WORKER_STALLED_INTERVAL_MS,
} from './queue.contract';
import { bullConnectionFromUrl } from './redis-options';
import { withTimeout } from '../common/async/with-timeout';
import { RedisStatusService } from './redis-status.service';
import { DomainEvents } from '../common/events/domain-events';

const WORKER_CLOSE_TIMEOUT_MS = 5000;

/** `token` is the worker's lock token: a handler needs it to move its job to delayed (e.g. wait for the open). */
type Handler = (job: Job, token?: string) => Promise<unknown>;

export interface HandlerRegistration {
  jobName: string;
  owner: string;
}

/**
 * Checks the queue contract against the discovered handlers: no job name handled twice, no handler for a job name
 * outside the contract, and every job name of a consumed queue handled. Returns queues with no consumer here.
 */
export function checkHandlers(registrations: HandlerRegistration[]): { unconsumedQueues: QueueName[] } {
  const problems: string[] = [];
  const known = new Set<string>(Object.values(JobName));
  const owners = new Map<string, string[]>();
  for (const { jobName, owner } of registrations) {
    if (!known.has(jobName)) {
      problems.push(`${owner} handles '${jobName}', which is not in the queue contract`);
    }
    owners.set(jobName, [...(owners.get(jobName) ?? []), owner]);
  }
  for (const [jobName, list] of owners) {
    if (list.length > 1) {
      problems.push(`job '${jobName}' has ${list.length} handlers: ${list.join(', ')}`);
    }
  }
  const unconsumedQueues: QueueName[] = [];
  for (const queue of Object.values(QueueName)) {
    const names = jobNamesOf(queue);
    const handled = names.filter((name) => owners.has(name));
    if (handled.length === 0) {
      unconsumedQueues.push(queue);
    } else if (handled.length < names.length) {
      problems.push(`queue '${queue}' has no handler for: ${names.filter((n) => !owners.has(n)).join(', ')}`);
    }
  }
  if (problems.length > 0) {
    throw new Error(`Queue contract check failed:\n  - ${problems.join('\n  - ')}`);
  }
  return { unconsumedQueues };
}

/** Finds every @JobHandler method, checks the contract at boot, and runs one BullMQ worker per consumed queue. */
@Injectable()
export class WorkerRegistryService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkerRegistryService.name);
  private readonly workers: Worker[] = [];
  private readonly handlers = new Map<string, Handler>();
  private consumed: QueueName[] = [];

  private shuttingDown = false;

  constructor(
    private readonly redisStatus: RedisStatusService,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly events: DomainEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const registrations = this.discover();
    const { unconsumedQueues } = checkHandlers(registrations);
    if (this.config.server.role === 'api') {
      this.logger.log('ROLE=api: no queue workers in this process');
      return;
    }
    const selected = this.config.workers.queues;
    this.consumed = Object.values(QueueName).filter(
      (queue) => !unconsumedQueues.includes(queue) && (selected.length === 0 || selected.includes(queue)),
    );
    // Workers start once Redis answers: a worker created against a dead Redis cannot be closed cleanly.
    this.redisStatus.whenReady(() => {
      if (this.shuttingDown) {
        return;
      }
      for (const queue of this.consumed) {
        this.workers.push(this.startWorker(queue));
      }
    });
    if (unconsumedQueues.length > 0) {
      this.logger.warn(`No consumer in this build for queue(s): ${unconsumedQueues.join(', ')}; their jobs wait`);
    }
  }

  /** The queues this process consumes (none with ROLE=api; WORKER_QUEUES, or all, otherwise). */
  consumedQueues(): QueueName[] {
    return [...this.consumed];
  }

  /** Lets running jobs finish; if Redis is gone, stops waiting after WORKER_CLOSE_TIMEOUT_MS. */
  async beforeApplicationShutdown(): Promise<void> {
    this.shuttingDown = true;
    await Promise.all(
      this.workers.map((worker) =>
        withTimeout(worker.close(), WORKER_CLOSE_TIMEOUT_MS, 'worker close timed out').catch((error: Error) => {
          this.logger.warn(`${worker.name}: ${error.message}; forcing`);
          void worker.close(true).catch(() => undefined);
        }),
      ),
    );
  }

  private discover(): HandlerRegistration[] {
    const registrations: HandlerRegistration[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) {
        continue;
      }
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const fn = (instance as Record<string, unknown>)[method];
        if (typeof fn !== 'function') {
          continue;
        }
        const jobName = this.reflector.get<string | undefined>(JOB_HANDLER_METADATA, fn as () => unknown);
        if (jobName) {
          const owner = `${instance.constructor.name}.${method}`;
          registrations.push({ jobName, owner });
          this.handlers.set(jobName, (job: Job, token?: string) => (fn as Handler).call(instance, job, token));
        }
      }
    }
    return registrations;
  }

  private startWorker(queue: QueueName): Worker {
    const worker = new Worker(queue, (job: Job, token?: string) => this.process(job, token), {
      connection: bullConnectionFromUrl(this.config.redis.url),
      prefix: this.config.redis.queuePrefix,
      concurrency: this.concurrencyOf(queue),
      lockDuration: WORKER_LOCK_DURATION_MS,
      stalledInterval: WORKER_STALLED_INTERVAL_MS,
      maxStalledCount: WORKER_MAX_STALLED_COUNT,
    });
    worker.on('error', (error: Error) => this.logger.debug(`worker ${queue}: ${error.message}`));
    worker.on('failed', (job, error) => {
      this.logger.warn(
        `job ${job?.name ?? '?'} ${job?.id ?? ''} failed (attempt ${job?.attemptsMade ?? 0}): ${error.message}`,
      );
      // Retries spent: the job stays failed (visible in Bull Board) and operators are told.
      if (job && job.attemptsMade >= (job.opts.attempts ?? 1) && !(error instanceof DelayedError)) {
        this.events.emit('jobs.failed', {
          queue,
          jobName: job.name,
          jobId: job.id ?? '',
          attempts: job.attemptsMade,
          error: error.message,
        });
      }
    });
    this.logger.log(
      `Worker started for queue '${queue}' (${Object.keys(JOB_QUEUE)
        .filter((n) => JOB_QUEUE[n as JobName] === queue)
        .join(', ')})`,
    );
    return worker;
  }

  /** ORCHESTRATOR_CONCURRENCY for the signal queues, PAPER_EXECUTOR_BATCH_SIZE for fills, 5 elsewhere. */
  private concurrencyOf(queue: QueueName): number {
    const workers = this.config.workers;
    if (queue === QueueName.Signals || queue === QueueName.Decisions) {
      return workers.orchestratorConcurrency;
    }
    return queue === QueueName.Executions ? workers.paperExecutorBatchSize : 5;
  }

  private async process(job: Job, token?: string): Promise<unknown> {
    const handler = this.handlers.get(job.name);
    if (!handler) {
      throw new UnrecoverableError(`No handler for job '${job.name}'`);
    }
    const started = process.hrtime.bigint();
    this.logger.debug(`start ${job.name} ${job.id ?? ''}`);
    let outcome: 'completed' | 'failed' | 'delayed' = 'failed';
    try {
      const result = await handler(job, token);
      outcome = 'completed';
      return result;
    } catch (error) {
      outcome = error instanceof DelayedError ? 'delayed' : 'failed';
      throw error;
    } finally {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      this.logger.debug(`end ${job.name} ${job.id ?? ''} in ${ms.toFixed(1)} ms`);
      this.events.emit('jobs.finished', { queue: job.queueName, jobName: job.name, ms, outcome });
    }
  }
}
