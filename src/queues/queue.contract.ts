import type { JobsOptions } from 'bullmq';

/*
 * The queue contract: every queue, job name and payload in one place.
 * NEVER RENAME a queue or a job name: they are stored in Redis with every waiting, delayed and failed job.
 * Payloads carry ids only; PostgreSQL is the source of truth and every handler is idempotent on it.
 */

export enum QueueName {
  /** Accepted signals waiting for enrichment and decision. */
  Signals = 'signals',
  /** Enriched signals waiting for the engines' decision. */
  Decisions = 'decisions',
  /** Paper orders waiting for a fill, and shadow recommendations waiting for their simulated fill. */
  Executions = 'executions',
  /** Marking open positions, evaluating their exits, settling expired ones. */
  Positions = 'positions',
  /** Trade outcomes, agent performance and the adaptive tuner. */
  Feedback = 'feedback',
  /** Operator alerts to Discord and Slack, retried with backoff. */
  Alerts = 'alerts',
  /** Platform housekeeping: the outbox sweep and other schedules. */
  Maintenance = 'maintenance',
}

export enum JobName {
  EnrichSignal = 'signal.enrich',
  DecideSignal = 'signal.decide',
  ExecuteOrder = 'order.execute',
  ExecuteShadow = 'shadow.execute',
  MarkPositions = 'positions.mark',
  SettleExpired = 'positions.settle',
  CaptureOutcome = 'feedback.capture',
  TuneParameters = 'feedback.tune',
  DeliverAlert = 'alert.deliver',
  CheckQueueDepth = 'alerts.queue-depth',
  ReleaseQueuedSignals = 'signals.release',
  OutboxSweep = 'outbox.sweep',
}

/** One alert to one channel. `key` identifies the event (an alert is sent once per event and channel). */
export interface AlertPayload {
  channel: 'discord' | 'slack';
  key: string;
  level: 'info' | 'warning' | 'critical';
  title: string;
  text: string;
}

export interface JobPayloads {
  /** `release` (the signal's queued_at, epoch ms) marks a run after the signal was held for the open. */
  [JobName.EnrichSignal]: { signalId: string; release?: number };
  [JobName.DecideSignal]: { signalId: string; release?: number };
  [JobName.ExecuteOrder]: { orderId: string };
  [JobName.ExecuteShadow]: { experimentId: string; engine: 'A' | 'B' };
  /** `symbol`: only that underlying's positions (a price or chain update); absent: every open position. */
  [JobName.MarkPositions]: { symbol?: string; reason: 'schedule' | 'market_update' | 'manual' };
  [JobName.SettleExpired]: { reason: 'schedule' | 'manual' };
  [JobName.CaptureOutcome]: { positionId: string; source: 'live' | 'shadow' };
  [JobName.TuneParameters]: { reason: 'schedule' | 'manual' };
  [JobName.DeliverAlert]: AlertPayload;
  [JobName.CheckQueueDepth]: { reason: 'schedule' | 'manual' };
  [JobName.ReleaseQueuedSignals]: { reason: 'open' | 'schedule' | 'boot' };
  [JobName.OutboxSweep]: { reason: 'schedule' | 'boot' | 'manual' };
}

export const JOB_QUEUE: { readonly [N in JobName]: QueueName } = {
  [JobName.EnrichSignal]: QueueName.Signals,
  [JobName.DecideSignal]: QueueName.Decisions,
  [JobName.ExecuteOrder]: QueueName.Executions,
  [JobName.ExecuteShadow]: QueueName.Executions,
  [JobName.MarkPositions]: QueueName.Positions,
  [JobName.SettleExpired]: QueueName.Positions,
  [JobName.CaptureOutcome]: QueueName.Feedback,
  [JobName.TuneParameters]: QueueName.Feedback,
  [JobName.DeliverAlert]: QueueName.Alerts,
  [JobName.CheckQueueDepth]: QueueName.Alerts,
  [JobName.ReleaseQueuedSignals]: QueueName.Maintenance,
  [JobName.OutboxSweep]: QueueName.Maintenance,
};

/**
 * Job ids come from the domain id, so an enqueue repeated by the outbox sweep is a no-op while the job exists.
 * Completed jobs are kept a day: a signal released at the open runs again under an id carrying its release mark.
 */
export const JOB_ID: { readonly [N in JobName]: ((data: JobPayloads[N]) => string) | null } = {
  [JobName.EnrichSignal]: (data) => `signal-${data.signalId}${releaseSuffix(data.release)}`,
  [JobName.DecideSignal]: (data) => `decide-${data.signalId}${releaseSuffix(data.release)}`,
  [JobName.ExecuteOrder]: (data) => `order-${data.orderId}`,
  [JobName.ExecuteShadow]: (data) => `shadow-${data.experimentId}-${data.engine}`,
  [JobName.MarkPositions]: null,
  [JobName.SettleExpired]: null,
  [JobName.CaptureOutcome]: (data) => `outcome-${data.source}-${data.positionId}`,
  [JobName.TuneParameters]: null,
  [JobName.DeliverAlert]: (data) => `alert-${data.channel}-${data.key}`,
  [JobName.CheckQueueDepth]: null,
  [JobName.ReleaseQueuedSignals]: null,
  [JobName.OutboxSweep]: null,
};

/** Display names for Bull Board and monitoring. */
export const QUEUE_DISPLAY_NAME: { readonly [Q in QueueName]: string } = {
  [QueueName.Signals]: 'Signals (enrichment)',
  [QueueName.Decisions]: 'Decisions (experiments, engines, risk gates, orders)',
  [QueueName.Executions]: 'Executions (paper fills, shadow fills)',
  [QueueName.Positions]: 'Positions (marks, exits, expiry settlement)',
  [QueueName.Feedback]: 'Feedback (trade outcomes, agent performance, tuning)',
  [QueueName.Alerts]: 'Alerts (Discord, Slack)',
  [QueueName.Maintenance]: 'Maintenance (outbox sweep, release at the open, schedules)',
};

export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: false,
};

/** Worker settings: a killed worker's job is picked up again within a minute (stalled check every 30 s). */
export const WORKER_LOCK_DURATION_MS = 30_000;
export const WORKER_STALLED_INTERVAL_MS = 30_000;
export const WORKER_MAX_STALLED_COUNT = 2;

function releaseSuffix(release: number | undefined): string {
  return release === undefined ? '' : `-r${release}`;
}

export type JobOf<N extends JobName> = { name: N; data: JobPayloads[N]; id?: string; attemptsMade: number };

export function jobNamesOf(queue: QueueName): JobName[] {
  return (Object.keys(JOB_QUEUE) as JobName[]).filter((name) => JOB_QUEUE[name] === queue);
}
