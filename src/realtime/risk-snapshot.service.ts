import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { CLOCK } from '../common/clock';
import { DomainEvents } from '../common/events/domain-events';
import { nyDate, nyInstant } from '../core/calendar';
import type { Clock } from '../core/clock';
import { RiskSnapshotRepository } from './risk-snapshot.repository';

/** Marks arrive for every position on every price tick: they refresh the snapshot at most this often (clock time). */
export const MARK_SNAPSHOT_INTERVAL_MS = 5_000;

/**
 * Publishes `risk.snapshot` (open positions, exposure, P&L, kill switch) after each change of the book seen in this
 * process: a position opened or closed, the kill switch changed, and marks (throttled). One query at a time: a change
 * during a query runs one more after it, so the last snapshot always follows the last change.
 */
@Injectable()
export class RiskSnapshotService implements OnModuleDestroy {
  private readonly logger = new Logger(RiskSnapshotService.name);
  private running: Promise<void> | null = null;
  private again = false;
  private closed = false;
  /** Clock time of the last snapshot started, for the mark throttle. */
  private lastAt: number | null = null;

  constructor(
    private readonly repository: RiskSnapshotRepository,
    private readonly events: DomainEvents,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @OnEvent('positions.opened')
  onOpened(): void {
    this.request();
  }

  @OnEvent('positions.closed')
  onClosed(): void {
    this.request();
  }

  @OnEvent('system.kill_switch')
  onKillSwitch(): void {
    this.request();
  }

  @OnEvent('positions.marked')
  onMarked(): void {
    const now = this.clock.now().getTime();
    if (this.lastAt === null || now - this.lastAt >= MARK_SNAPSHOT_INTERVAL_MS || now < this.lastAt) {
      this.request();
    }
  }

  /** Resolves when no snapshot is being computed (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running) {
      await this.running;
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    this.again = false;
    await this.idle();
  }

  private request(): void {
    if (this.closed) {
      return;
    }
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
    });
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      await this.publish().catch((error: Error) => this.logger.warn(`risk snapshot not published: ${error.message}`));
    } while (this.again && !this.closed);
  }

  private async publish(): Promise<void> {
    const now = this.clock.now();
    this.lastAt = now.getTime();
    const row = await this.repository.load(nyInstant(nyDate(now), 0));
    this.events.emit('risk.snapshot', {
      openPositions: row.open_positions,
      exposure: row.exposure,
      unrealizedPnl: row.unrealized_pnl,
      realizedPnlToday: row.realized_pnl_today,
      killSwitch: row.kill_switch,
      at: now.toISOString(),
    });
  }
}
