import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import type { DomainEventPayloads } from '../common/events/domain-events';
import { QueueService } from '../queues';

const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Prometheus metrics, one registry per application instance (tests run several in one process). Counters and
 * histograms count what this process did (Prometheus sums instances); the gauges of queues, signals, positions and
 * P&L are read from Redis and PostgreSQL at scrape time, so every instance reports the same shared truth.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly httpRequests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method and route',
    labelNames: ['method', 'route'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });

  private readonly jobDuration = new Histogram({
    name: 'queue_job_duration_seconds',
    help: 'Job processing time by queue, job name and outcome; the signal.enrich, signal.decide and order.execute jobs are the pipeline stages',
    labelNames: ['queue', 'job', 'outcome'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });

  private readonly fills = new Counter({
    name: 'paper_fills_total',
    help: 'Paper fills by intent (open, close)',
    labelNames: ['intent'] as const,
    registers: [this.registry],
  });

  private readonly signalDecisions = new Counter({
    name: 'signal_decisions_total',
    help: 'Signals decided by this process, by status and reason prefix',
    labelNames: ['status', 'reason'] as const,
    registers: [this.registry],
  });

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: QueueService,
  ) {
    collectDefaultMetrics({ register: this.registry });
    const queueGauge = new Gauge({
      name: 'queue_jobs',
      help: 'Jobs per queue and state',
      labelNames: ['queue', 'state'] as const,
      registers: [this.registry],
      collect: async () => {
        queueGauge.reset();
        for (const queue of this.queues.allQueues()) {
          const counts = await queue
            .getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed')
            .catch(() => null);
          for (const [state, n] of Object.entries(counts ?? {})) {
            queueGauge.set({ queue: queue.name, state }, n);
          }
        }
      },
    });
    const signalsGauge = new Gauge({
      name: 'signals_last_24h',
      help: 'Signals received in the last 24 hours by status and rejection reason (its code before any colon)',
      labelNames: ['status', 'reason'] as const,
      registers: [this.registry],
      collect: async () => {
        signalsGauge.reset();
        const rows = await this.dataSource
          .query<{ status: string; reason: string; n: number }[]>(
            `SELECT status, COALESCE(split_part(rejection_reason, ':', 1), '') AS reason, COUNT(*)::int AS n
               FROM signals WHERE created_at > (SELECT MAX(created_at) FROM signals) - interval '24 hours'
              GROUP BY 1, 2`,
          )
          .catch(() => []);
        rows.forEach((r) => signalsGauge.set({ status: r.status, reason: r.reason }, r.n));
      },
    });
    const positionsGauge = new Gauge({
      name: 'open_positions',
      help: 'Open and closing positions by engine',
      labelNames: ['engine', 'status'] as const,
      registers: [this.registry],
      collect: async () => {
        positionsGauge.reset();
        const rows = await this.dataSource
          .query<{ engine: string; status: string; n: number }[]>(
            `SELECT engine, status, COUNT(*)::int AS n FROM positions WHERE status <> 'closed' GROUP BY 1, 2`,
          )
          .catch(() => []);
        rows.forEach((r) => positionsGauge.set({ engine: r.engine, status: r.status }, r.n));
      },
    });
    const pnlGauge = new Gauge({
      name: 'pnl_dollars',
      help: 'Realized P&L of closed positions and unrealized P&L of open ones, by engine',
      labelNames: ['engine', 'kind'] as const,
      registers: [this.registry],
      collect: async () => {
        pnlGauge.reset();
        const rows = await this.dataSource
          .query<{ engine: string; realized: number; unrealized: number }[]>(
            `SELECT engine, COALESCE(SUM(realized_pnl), 0)::float8 AS realized,
                    COALESCE(SUM(unrealized_pnl) FILTER (WHERE status <> 'closed'), 0)::float8 AS unrealized
               FROM positions GROUP BY engine`,
          )
          .catch(() => []);
        for (const r of rows) {
          pnlGauge.set({ engine: r.engine, kind: 'realized' }, r.realized);
          pnlGauge.set({ engine: r.engine, kind: 'unrealized' }, r.unrealized);
        }
      },
    });
  }

  @OnEvent('jobs.finished')
  onJob(event: DomainEventPayloads['jobs.finished']): void {
    this.jobDuration.observe({ queue: event.queue, job: event.jobName, outcome: event.outcome }, event.ms / 1000);
  }

  @OnEvent('orders.filled')
  onFill(event: DomainEventPayloads['orders.filled']): void {
    this.fills.inc({ intent: event.intent });
  }

  @OnEvent('signals.decided')
  onDecided(event: DomainEventPayloads['signals.decided']): void {
    this.signalDecisions.inc({ status: event.status, reason: (event.reason ?? '').split(':')[0] });
  }

  async scrape(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
