import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CLOCK } from '../common/clock';
import { DomainEvents } from '../common/events/domain-events';
import { MarketCalendar } from '../core/calendar';
import type { Clock } from '../core/clock';
import { partialClose, settlementPrice } from '../core/execution';
import { MARKET_CALENDAR } from '../market/market-calendar.provider';
import { MARKET_DATA, MarketDataProvider } from '../market-data/market-data.provider';
import { JobHandler, JobName, QueueName, QueueService, RedisStatusService } from '../queues';
import { ShadowService } from '../shadow/shadow.service';
import { expiryCloseOf } from './expiry-close';
import { LivePositionRow, PositionsRepository } from './positions.repository';

const SETTLE_SCHEDULER = 'settle-expired-positions';
const SETTLE_EVERY_MS = 60_000;

export interface SettlementResult {
  settled: { positionId: string; price: string; realizedPnl: string }[];
  waiting: { positionId: string; reason: string }[];
}

/**
 * No position outlives its option: once its last trading day's options session has closed, an open or closing
 * position settles at intrinsic value against the underlying's price (equity and ETF options as if exercised and
 * sold at once, cash-settled index options at their cash value), with a filled closing order and its trade, exit
 * reason `expired`. A live closing order for it is failed first (`expired`).
 */
@Injectable()
export class ExpirySettlement implements OnApplicationBootstrap {
  private readonly logger = new Logger(ExpirySettlement.name);

  constructor(
    private readonly repository: PositionsRepository,
    private readonly queues: QueueService,
    private readonly redisStatus: RedisStatusService,
    private readonly events: DomainEvents,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MARKET_DATA) private readonly marketData: MarketDataProvider,
    @Inject(MARKET_CALENDAR) private readonly calendar: MarketCalendar,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly shadow: ShadowService,
  ) {}

  onApplicationBootstrap(): void {
    this.redisStatus.whenReady(() => {
      void this.queues
        .queue(QueueName.Positions)
        .upsertJobScheduler(
          SETTLE_SCHEDULER,
          { every: SETTLE_EVERY_MS },
          {
            name: JobName.SettleExpired,
            data: { reason: 'schedule' },
            opts: { removeOnComplete: 100, removeOnFail: 100 },
          },
        )
        .catch((error: Error) => this.logger.warn(`settlement schedule not set: ${error.message}`));
    });
  }

  @JobHandler(JobName.SettleExpired)
  async onSettleJob(): Promise<SettlementResult> {
    return this.settleExpired();
  }

  async settleExpired(): Promise<SettlementResult> {
    // The shadow book settles the same way, on its own rows.
    await this.shadow.settleExpired().catch((error: Error) => this.logger.warn(`shadow settlement: ${error.message}`));
    const now = this.clock.now();
    // The last trading day may come before the expiration date (a holiday expiration settles the day before).
    const due = (await this.repository.live()).filter(
      (p) => expiryCloseOf(this.calendar, p.symbol, p.expiration) <= now,
    );
    const result: SettlementResult = { settled: [], waiting: [] };
    for (const position of due) {
      const quote = await this.marketData.stockQuote(position.symbol);
      if (!quote.ok) {
        // Settled on the next pass; the position stays visible as expired-but-unsettled until then.
        result.waiting.push({ positionId: position.position_id, reason: quote.reasonCode });
        continue;
      }
      const settled = await this.settle(position, quote.value.last, now);
      if (settled) {
        result.settled.push(settled);
      }
    }
    return result;
  }

  private async settle(
    position: LivePositionRow,
    underlyingPrice: number,
    now: Date,
  ): Promise<SettlementResult['settled'][number] | null> {
    const settlement = settlementPrice({
      type: position.type,
      strike: position.strike,
      underlying: position.symbol,
      underlyingClose: underlyingPrice,
    });
    const done = await this.dataSource.transaction(async (tx) => {
      const rows = await tx.query<
        { quantity: number; entry_price: string; realized_pnl: string | null; status: string }[]
      >('SELECT quantity, entry_price, realized_pnl, status FROM positions WHERE position_id = $1 FOR UPDATE', [
        position.position_id,
      ]);
      const locked = rows[0];
      if (!locked || locked.status === 'closed') {
        return null;
      }
      await tx.query(
        `UPDATE orders SET status = 'failed', failure_reason = 'expired', updated_at = $2
          WHERE position_id = $1 AND intent = 'close' AND status = 'pending_execution'`,
        [position.position_id, now],
      );
      const closing = partialClose(
        { quantity: locked.quantity, entryPrice: locked.entry_price, realizedPnl: locked.realized_pnl },
        locked.quantity,
        settlement.price,
      );
      const orders = await tx.query<{ order_id: string }[]>(
        `INSERT INTO orders (position_id, intent, symbol, option_symbol, strike, expiration, type, quantity, order_type,
                             status, engine, experiment_id, exit_reason, created_at, updated_at, trace_id)
         SELECT position_id, 'close', symbol, option_symbol, strike, expiration, type, quantity, 'paper', 'filled',
                engine, experiment_id, 'expired', $2, $2, trace_id
           FROM positions WHERE position_id = $1
         RETURNING order_id`,
        [position.position_id, now],
      );
      await tx.query(
        `INSERT INTO trades (order_id, fill_price, fill_quantity, fill_timestamp, commission, fees, engine, experiment_id,
                             intent, position_id, realized_pnl, fill_model, created_at, trace_id)
         SELECT $1, $2, $3, $4, 0, 0, engine, experiment_id, 'close', position_id, $5, 'settlement', $4, trace_id
           FROM positions WHERE position_id = $6`,
        [orders[0].order_id, settlement.price, locked.quantity, now, closing.realizedThisFill, position.position_id],
      );
      await tx.query(
        `UPDATE positions SET status = 'closed', realized_pnl = $2, current_price = $3, unrealized_pnl = 0,
                closing_quantity = NULL, exit_reason = 'expired', exit_timestamp = $4, last_updated = $4
          WHERE position_id = $1`,
        [position.position_id, closing.realizedTotal, settlement.price, now],
      );
      return closing.realizedTotal;
    });
    if (done === null) {
      return null;
    }
    this.events.emit('positions.closed', {
      positionId: position.position_id,
      realizedPnl: done,
      reason: 'expired',
      at: now.toISOString(),
    });
    await this.queues
      .enqueue(JobName.CaptureOutcome, { positionId: position.position_id, source: 'live' })
      .catch(() => undefined);
    return { positionId: position.position_id, price: settlement.price, realizedPnl: done };
  }
}
