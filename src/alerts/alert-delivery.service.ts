import { Inject, Injectable } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import { AppConfig, APP_CONFIG } from '../config';
import { AlertPayload, JobHandler, JobName } from '../queues';
import { discordBody, slackBody } from './alert-formats';

const DELIVERY_TIMEOUT_MS = 5_000;

/**
 * Posts one alert to its channel's incoming webhook. A 5xx, a 429 or a network error throws: BullMQ retries with
 * exponential backoff (ALERT_MAX_ATTEMPTS, ALERT_BACKOFF_MS). Any other 4xx is permanent (a revoked webhook, a
 * malformed body): the job fails at once, kept for inspection.
 */
@Injectable()
export class AlertDelivery {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @JobHandler(JobName.DeliverAlert)
  async onDeliverJob(job: Job<AlertPayload>): Promise<{ delivered: true; status: number }> {
    return this.deliver(job.data);
  }

  async deliver(alert: AlertPayload): Promise<{ delivered: true; status: number }> {
    const url = alert.channel === 'discord' ? this.config.alerts.discordWebhookUrl : this.config.alerts.slackWebhookUrl;
    if (!url) {
      throw new UnrecoverableError(`no ${alert.channel} webhook configured`);
    }
    const body = alert.channel === 'discord' ? discordBody(alert) : slackBody(alert);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    if (response.ok) {
      return { delivered: true, status: response.status };
    }
    const detail = `${alert.channel} answered ${response.status}`;
    if (response.status === 429 || response.status >= 500) {
      throw new Error(detail);
    }
    throw new UnrecoverableError(detail);
  }
}
