import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { CLOCK } from '../common/clock';
import { AppConfig, APP_CONFIG } from '../config';
import type { Clock } from '../core/clock';
import type { DomainEventPayloads } from '../common/events/domain-events';
import { AlertPayload, JobHandler, JobName, QueueName, QueueService, RedisStatusService } from '../queues';

const DEPTH_SCHEDULER = 'alerts-queue-depth';
const DEPTH_EVERY_MS = 60_000;

type Alert = Omit<AlertPayload, 'channel'>;

/**
 * Turns domain events into operator alerts on every configured channel (Discord, Slack), through the alerts queue
 * so a failing channel is retried with backoff instead of being lost (the spec's alerts were fire-and-forget):
 * fills, exits, risk blocks, failed jobs (retries spent), and queues deeper than PROCESSING_QUEUE_DEPTH_ALERT.
 * Off unless ALERTS_ENABLED and a channel URL are set.
 */
@Injectable()
export class AlertsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AlertsService.name);

  constructor(
    private readonly queues: QueueService,
    private readonly redisStatus: RedisStatusService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.alerts.enabled || this.config.alerts.queueDepthAlert <= 0) {
      return;
    }
    this.redisStatus.whenReady(() => {
      void this.queues
        .queue(QueueName.Alerts)
        .upsertJobScheduler(
          DEPTH_SCHEDULER,
          { every: DEPTH_EVERY_MS },
          {
            name: JobName.CheckQueueDepth,
            data: { reason: 'schedule' },
            opts: { removeOnComplete: 100, removeOnFail: 100 },
          },
        )
        .catch((error: Error) => this.logger.warn(`queue depth schedule not set: ${error.message}`));
    });
  }

  @OnEvent('orders.filled')
  onFill(event: DomainEventPayloads['orders.filled']): void {
    this.raise({
      key: `fill-${event.tradeId}`,
      level: 'info',
      title: `${event.intent === 'open' ? 'Opened' : 'Closed'} ${event.quantity} @ ${event.price}`,
      text: `order ${event.orderId}, position ${event.positionId}, ${event.at}`,
    });
  }

  @OnEvent('positions.closed')
  onClosed(event: DomainEventPayloads['positions.closed']): void {
    this.raise({
      key: `closed-${event.positionId}`,
      level: 'info',
      title: `Position closed (${event.reason ?? 'exit'}): realized ${event.realizedPnl}`,
      text: `position ${event.positionId}, ${event.at}`,
    });
  }

  @OnEvent('signals.decided')
  onDecided(event: DomainEventPayloads['signals.decided']): void {
    if (event.status === 'rejected' && event.reason?.startsWith('risk_rejected:')) {
      this.raise({
        key: `risk-${event.signalId}`,
        level: 'warning',
        title: `Risk gate blocked ${event.symbol}: ${event.reason.slice('risk_rejected:'.length)}`,
        text: `signal ${event.signalId}, ${event.at}`,
      });
    }
  }

  @OnEvent('jobs.failed')
  onJobFailed(event: DomainEventPayloads['jobs.failed']): void {
    this.raise({
      key: `job-${event.queue}-${event.jobId}`,
      level: 'critical',
      title: `Job failed after ${event.attempts} attempt(s): ${event.jobName}`,
      text: `queue ${event.queue}, job ${event.jobId}: ${event.error}`,
    });
  }

  @OnEvent('system.kill_switch')
  onKillSwitch(event: DomainEventPayloads['system.kill_switch']): void {
    this.raise({
      key: `kill-switch-${event.engaged ? 'on' : 'off'}-${event.at}`,
      level: event.engaged ? 'critical' : 'warning',
      title: `Kill switch ${event.engaged ? 'ENGAGED' : 'released'} by ${event.by}`,
      text: `${event.reason ?? 'no reason given'}${
        event.flattened.length > 0 ? `; ${event.flattened.length} position(s) asked to close` : ''
      }`,
    });
  }

  @JobHandler(JobName.CheckQueueDepth)
  async onDepthJob(): Promise<{ deep: string[] }> {
    return this.checkQueueDepth();
  }

  /** Queues with more waiting jobs than PROCESSING_QUEUE_DEPTH_ALERT raise one alert per queue and minute. */
  async checkQueueDepth(): Promise<{ deep: string[] }> {
    const threshold = this.config.alerts.queueDepthAlert;
    const deep: string[] = [];
    if (threshold <= 0) {
      return { deep };
    }
    const minute = Math.floor(this.clock.now().getTime() / 60_000);
    for (const queue of this.queues.allQueues()) {
      if (queue.name === (QueueName.Alerts as string)) {
        continue;
      }
      const waiting = await queue.getWaitingCount();
      if (waiting > threshold) {
        deep.push(queue.name);
        this.raise({
          key: `depth-${queue.name}-${minute}`,
          level: 'warning',
          title: `Queue ${queue.name} has ${waiting} waiting jobs (alert above ${threshold})`,
          text: 'Workers are behind: check /admin/queues and the worker processes.',
        });
      }
    }
    return { deep };
  }

  raise(alert: Alert): void {
    if (!this.config.alerts.enabled) {
      return;
    }
    const channels: AlertPayload['channel'][] = [
      ...(this.config.alerts.discordWebhookUrl ? (['discord'] as const) : []),
      ...(this.config.alerts.slackWebhookUrl ? (['slack'] as const) : []),
    ];
    // BullMQ job ids may not contain ':' (scheduler job ids and ISO times do).
    const key = alert.key.replace(/:/g, '_');
    for (const channel of channels) {
      void this.queues.tryEnqueue(JobName.DeliverAlert, { ...alert, key, channel }).then((outcome) => {
        if (outcome !== 'enqueued') {
          this.logger.warn(`alert ${alert.key} not queued for ${channel}: ${outcome}`);
        }
      });
    }
  }
}
