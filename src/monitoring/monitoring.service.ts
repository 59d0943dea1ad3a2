import { Inject, Injectable, Logger } from '@nestjs/common';
import { withTimeout } from '../common/async/with-timeout';
import { CLOCK } from '../common/clock';
import { AppConfig, APP_CONFIG } from '../config';
import type { Clock } from '../core/clock';
import { KillSwitchService } from '../kill-switch/kill-switch.service';
import { MarketDataService } from '../market-data/market-data.service';
import { QueueService, RedisStatusService } from '../queues';
import { WorkerRegistryService } from '../queues/worker-registry.service';
import { LastActivityRow, MonitoringRepository, StuckCountsRow } from './monitoring.repository';

const CHECK_TIMEOUT_MS = 1500;

export type OverallStatus = 'ok' | 'degraded' | 'down';

export interface DependencyStatus {
  status: 'up' | 'down';
  latencyMs: number | null;
  error: string | null;
}

export interface QueueStatus {
  name: string;
  /** This process runs a worker for it (ROLE and WORKER_QUEUES). */
  consumedHere: boolean;
  /** Workers connected to Redis for this queue, from every process. */
  workers: number;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
}

export interface E2eStatus {
  status: OverallStatus;
  reasons: string[];
  checkedAt: string;
  process: { role: string; consumes: string[] };
  database: DependencyStatus;
  redis: DependencyStatus;
  queues: QueueStatus[];
  marketData: {
    chain: string[];
    providers: {
      provider: string;
      state: string;
      failures: number;
      lastError: string | null;
      lastSuccessAt: string | null;
    }[];
  };
  lastActivity: Record<keyof LastActivityRow, string | null> | null;
  stuck: (StuckCountsRow & { graceSeconds: number }) | null;
  killSwitch: { engaged: boolean; updatedBy: string | null; updatedAt: string | null } | null;
}

function iso(value: Date | string | null | undefined): string | null {
  return value ? new Date(value).toISOString() : null;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The end-to-end status of the platform (GET /monitoring/e2e): this process, its dependencies, every queue and its
 * workers, the market data chain, when each pipeline stage last did something, what is stuck, and the kill switch.
 * Every part is checked on its own with a timeout, so a dead dependency shows as `down` instead of failing the call.
 */
@Injectable()
export class MonitoringService {
  private readonly logger = new Logger(MonitoringService.name);

  constructor(
    private readonly repository: MonitoringRepository,
    private readonly queues: QueueService,
    private readonly redisStatus: RedisStatusService,
    private readonly marketData: MarketDataService,
    private readonly killSwitch: KillSwitchService,
    private readonly workers: WorkerRegistryService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async e2e(): Promise<E2eStatus> {
    const now = this.clock.now();
    const graceSeconds = this.config.outbox.graceSeconds;
    const [database, redis] = await Promise.all([
      this.check(() => this.repository.ping()),
      this.check(() => this.redisStatus.ping(CHECK_TIMEOUT_MS)),
    ]);
    const databaseUp = database.status === 'up';
    const [queues, lastActivity, stuck, killSwitch] = await Promise.all([
      redis.status === 'up' ? this.safely('queues', () => this.queueStatus()) : Promise.resolve(null),
      databaseUp ? this.safely('last activity', () => this.repository.lastActivity()) : Promise.resolve(null),
      databaseUp
        ? this.safely('stuck counts', () =>
            this.repository.stuckCounts(now, new Date(now.getTime() - graceSeconds * 1000)),
          )
        : Promise.resolve(null),
      databaseUp ? this.safely('kill switch', () => this.killSwitch.state()) : Promise.resolve(null),
    ]);
    const providers = this.marketData.health().map((p) => ({
      provider: p.provider,
      state: p.state,
      failures: p.failures,
      lastError: p.lastError,
      lastSuccessAt: iso(p.lastSuccessAt),
    }));

    const down: string[] = [];
    const degraded: string[] = [];
    if (!databaseUp) {
      down.push('database_down');
    }
    if (redis.status !== 'up') {
      down.push('redis_down');
    }
    if (redis.status === 'up' && queues === null) {
      degraded.push('queue_status_unavailable');
    }
    for (const queue of queues ?? []) {
      if (queue.workers === 0) {
        degraded.push(`no_workers:${queue.name}`);
      }
    }
    if (stuck) {
      if (stuck.pending_signals + stuck.due_queued_signals > 0) {
        degraded.push('stuck_signals');
      }
      if (stuck.pending_orders > 0) {
        degraded.push('stuck_orders');
      }
      if (stuck.closing_positions > 0) {
        degraded.push('stuck_closing_positions');
      }
    }
    for (const provider of providers) {
      if (provider.state !== 'closed') {
        degraded.push(`market_data_provider_${provider.state}:${provider.provider}`);
      }
    }
    if (killSwitch?.engaged) {
      degraded.push('kill_switch_engaged');
    }

    return {
      status: down.length > 0 ? 'down' : degraded.length > 0 ? 'degraded' : 'ok',
      reasons: [...down, ...degraded],
      checkedAt: now.toISOString(),
      process: { role: this.config.server.role, consumes: this.workers.consumedQueues() },
      database,
      redis,
      queues: queues ?? [],
      marketData: { chain: this.marketData.chain, providers },
      lastActivity: lastActivity
        ? {
            signal_received_at: iso(lastActivity.signal_received_at),
            decision_at: iso(lastActivity.decision_at),
            fill_at: iso(lastActivity.fill_at),
            position_mark_at: iso(lastActivity.position_mark_at),
            webhook_event_at: iso(lastActivity.webhook_event_at),
          }
        : null,
      stuck: stuck ? { ...stuck, graceSeconds } : null,
      killSwitch: killSwitch
        ? { engaged: killSwitch.engaged, updatedBy: killSwitch.updated_by, updatedAt: iso(killSwitch.updated_at) }
        : null,
    };
  }

  private async queueStatus(): Promise<QueueStatus[]> {
    const consumed: string[] = this.workers.consumedQueues();
    return Promise.all(
      this.queues.allQueues().map(async (queue) => {
        const [counts, workers] = await Promise.all([
          queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed'),
          queue.getWorkersCount(),
        ]);
        return {
          name: queue.name,
          consumedHere: consumed.includes(queue.name),
          workers,
          waiting: counts.waiting ?? 0,
          active: counts.active ?? 0,
          delayed: counts.delayed ?? 0,
          failed: counts.failed ?? 0,
          completed: counts.completed ?? 0,
        };
      }),
    );
  }

  /** A dependency check: up with its latency, or down with the error (never throws). */
  private async check(ping: () => Promise<unknown>): Promise<DependencyStatus> {
    const started = process.hrtime.bigint();
    try {
      await withTimeout(ping(), CHECK_TIMEOUT_MS, `no answer within ${CHECK_TIMEOUT_MS} ms`);
      const latencyMs = Math.round((Number(process.hrtime.bigint() - started) / 1e6) * 10) / 10;
      return { status: 'up', latencyMs, error: null };
    } catch (error) {
      return { status: 'down', latencyMs: null, error: message(error) };
    }
  }

  private async safely<T>(what: string, load: () => Promise<T>): Promise<T | null> {
    try {
      return await withTimeout(load(), CHECK_TIMEOUT_MS, `${what}: no answer within ${CHECK_TIMEOUT_MS} ms`);
    } catch (error) {
      this.logger.warn(`e2e status: ${what} unavailable: ${message(error)}`);
      return null;
    }
  }
}
