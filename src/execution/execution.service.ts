import { Inject, Injectable, Logger } from '@nestjs/common';
import { BiasStateAggregator } from '../bias/bias-state.aggregator';
import { CLOCK } from '../common/clock';
import { DomainEvents } from '../common/events/domain-events';
import { AppConfig, APP_CONFIG } from '../config';
import { MarketCalendar, nyDate, nyInstant } from '../core/calendar';
import type { Clock } from '../core/clock';
import { computeFill, partialClose, type FillSuccess } from '../core/execution';
import { MARKET_CALENDAR } from '../market/market-calendar.provider';
import { MARKET_DATA, MarketDataProvider } from '../market-data/market-data.provider';
import { JobName, QueueService } from '../queues';
import { EntryBias, ExecutionRepository, OrderRow } from './execution.repository';
import { fillConfigOf, fillQuoteOf } from './fill-inputs';

export type ExecutionOutcome =
  | { kind: 'skipped'; reason: 'not_found' | 'not_pending' }
  | { kind: 'wait_for_open'; until: Date }
  | { kind: 'failed'; reason: string }
  | { kind: 'filled'; tradeId: string; positionId: string; price: string; closed: boolean };

/** A fill that cannot happen yet (no quote, stale quote): the job is retried with backoff, then the order fails. */
export class FillUnavailableError extends Error {
  constructor(
    readonly code: string,
    detail: string,
  ) {
    super(`${code}: ${detail}`);
  }
}

/**
 * Spec section 9, made honest: an order fills only in its underlying's options session, on a fresh option quote,
 * through the configured fill model (mid or cross, slippage, commission, fees, tick size); the trade, the position
 * (opened, added to, partly or fully closed) and the order's status change in one transaction. At-least-once safe:
 * one trade per order (unique), one live position per option and engine (unique), and a filled order is not filled
 * again.
 */
@Injectable()
export class ExecutionService {
  private readonly logger = new Logger(ExecutionService.name);

  constructor(
    private readonly repository: ExecutionRepository,
    private readonly queues: QueueService,
    private readonly events: DomainEvents,
    private readonly bias: BiasStateAggregator,
    @Inject(MARKET_DATA) private readonly marketData: MarketDataProvider,
    @Inject(MARKET_CALENDAR) private readonly calendar: MarketCalendar,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  now(): Date {
    return this.clock.now();
  }

  /** CLOCK_SPEED: platform milliseconds per wall millisecond. */
  clockSpeed(): number {
    return this.config.clock.speed;
  }

  orderOf(orderId: string): Promise<OrderRow | null> {
    return this.repository.findOrder(orderId);
  }

  async execute(orderId: string): Promise<ExecutionOutcome> {
    const order = await this.repository.findOrder(orderId);
    if (!order) {
      return { kind: 'skipped', reason: 'not_found' };
    }
    if (order.status !== 'pending_execution') {
      return { kind: 'skipped', reason: 'not_pending' };
    }
    const now = this.clock.now();
    if (!this.calendar.isOptionsSessionOpen(order.symbol, now)) {
      return { kind: 'wait_for_open', until: this.calendar.nextOpen(now) };
    }
    const maxDaily = this.config.risk.maxDailyTrades;
    if (order.intent === 'open' && maxDaily > 0) {
      const today = await this.repository.openingFillsSince(nyInstant(nyDate(now), 0));
      if (today >= maxDaily) {
        return this.fail(order, 'daily_trade_limit', now);
      }
    }
    const quote = await this.marketData.optionQuote(order.option_symbol);
    const fill = computeFill(
      {
        side: order.intent === 'open' ? 'buy' : 'sell',
        quantity: order.quantity,
        underlying: order.symbol,
        quote: fillQuoteOf(quote),
      },
      fillConfigOf(this.config),
      now,
    );
    if (!fill.ok) {
      if (fill.code === 'invalid_quantity') {
        return this.fail(order, fill.code, now);
      }
      throw new FillUnavailableError(fill.code, quote.ok ? fill.detail : `${quote.reasonCode}: ${quote.detail}`);
    }
    return this.commit(order, fill, quote.ok ? quote.value : null, now);
  }

  /** The order is given up (attempts spent, or refused): failed with the reason; a closing order frees its position. */
  async fail(order: OrderRow, reason: string, now: Date): Promise<ExecutionOutcome> {
    const failed = await this.repository.transaction(async (tx) => {
      const locked = await this.repository.findOrder(order.order_id, tx, true);
      if (locked?.status !== 'pending_execution') {
        return false;
      }
      await tx.query(`UPDATE orders SET status = 'failed', failure_reason = $2, updated_at = $3 WHERE order_id = $1`, [
        order.order_id,
        reason,
        now,
      ]);
      if (order.intent === 'close' && order.position_id) {
        await this.repository.reopenPosition(tx, order, now);
      }
      return true;
    });
    if (failed) {
      this.events.emit('orders.failed', { orderId: order.order_id, reason, at: now.toISOString() });
    }
    return { kind: 'failed', reason };
  }

  private async entryBias(symbol: string): Promise<EntryBias | null> {
    const state = await this.bias.getState(symbol).catch(() => null);
    return state
      ? {
          biasScore: state.biasScore,
          direction: state.direction,
          confidence: state.confidence,
          regime: state.regime,
          macroClass: state.macroClass,
          modeHint: state.modeHint,
          chopScore: state.chopScore,
          acceleration: state.acceleration.stateStrengthDelta,
        }
      : null;
  }

  private async commit(
    order: OrderRow,
    fill: FillSuccess,
    quote: { bid: number | null; ask: number | null } | null,
    now: Date,
  ): Promise<ExecutionOutcome> {
    const entryBias = order.intent === 'open' ? await this.entryBias(order.symbol) : null;
    const result = await this.repository.transaction(async (tx) => {
      const locked = await this.repository.findOrder(order.order_id, tx, true);
      if (locked?.status !== 'pending_execution') {
        return null;
      }
      const tradeQuote = { bid: quote?.bid ?? null, ask: quote?.ask ?? null, mid: fill.mid };
      if (order.intent === 'open') {
        const maxDaily = this.config.risk.maxDailyTrades;
        if (
          maxDaily > 0 &&
          (await this.repository.openingFillsSince(nyInstant(nyDate(now), 0), tx, true)) >= maxDaily
        ) {
          await tx.query(
            `UPDATE orders SET status = 'failed', failure_reason = 'daily_trade_limit', updated_at = $2
              WHERE order_id = $1`,
            [order.order_id, now],
          );
          return { failed: 'daily_trade_limit' as const, tradeId: null };
        }
        const position = await this.repository.openOrAdd(tx, order, fill.price, order.quantity, now, entryBias);
        const tradeId = await this.repository.insertTrade(
          tx,
          order,
          {
            price: fill.price,
            quantity: order.quantity,
            commission: fill.commission,
            fees: fill.fees,
            quote: tradeQuote,
            slippage: fill.slippage,
            fillModel: this.config.fills.model,
            realizedPnl: null,
            positionId: position.position_id,
          },
          now,
        );
        if (!tradeId) {
          throw new Error(`order ${order.order_id} already has a trade`);
        }
        await this.repository.markFilled(tx, order.order_id, position.position_id, now);
        return { tradeId, positionId: position.position_id, closed: false, added: position.added, realized: null };
      }
      const position = order.position_id ? await this.repository.lockPosition(tx, order.position_id) : null;
      if (!position || position.status === 'closed') {
        await tx.query(
          `UPDATE orders SET status = 'failed', failure_reason = 'position_not_open', updated_at = $2
            WHERE order_id = $1`,
          [order.order_id, now],
        );
        return { failed: 'position_not_open' as const, tradeId: null };
      }
      const closeQuantity = Math.min(order.quantity, position.quantity);
      const closing = partialClose(
        { quantity: position.quantity, entryPrice: position.entry_price, realizedPnl: position.realized_pnl },
        closeQuantity,
        fill.price,
        { commission: fill.commission, fees: fill.fees },
      );
      const tradeId = await this.repository.insertTrade(
        tx,
        order,
        {
          price: fill.price,
          quantity: closeQuantity,
          commission: fill.commission,
          fees: fill.fees,
          quote: tradeQuote,
          slippage: fill.slippage,
          fillModel: this.config.fills.model,
          realizedPnl: closing.realizedThisFill,
          positionId: position.position_id,
        },
        now,
      );
      if (!tradeId) {
        throw new Error(`order ${order.order_id} already has a trade`);
      }
      await this.repository.applyClose(tx, position.position_id, closing, fill.price, now);
      await this.repository.markFilled(tx, order.order_id, position.position_id, now);
      return {
        tradeId,
        positionId: position.position_id,
        closed: closing.closed,
        added: false,
        realized: closing.realizedTotal,
        reason: position.exit_reason ?? order.exit_reason,
      };
    });
    if (result === null) {
      return { kind: 'skipped', reason: 'not_pending' };
    }
    if (result.tradeId === null) {
      this.events.emit('orders.failed', { orderId: order.order_id, reason: result.failed, at: now.toISOString() });
      return { kind: 'failed', reason: result.failed };
    }
    const at = now.toISOString();
    this.logger.log(
      { trace_id: order.trace_id, order_id: order.order_id, position_id: result.positionId, price: fill.price },
      `${order.intent === 'open' ? 'opening' : 'closing'} order filled`,
    );
    this.events.emit('orders.filled', {
      orderId: order.order_id,
      tradeId: result.tradeId,
      intent: order.intent,
      positionId: result.positionId,
      price: fill.price,
      quantity: order.quantity,
      at,
    });
    if (order.intent === 'open' && !result.added) {
      this.events.emit('positions.opened', {
        positionId: result.positionId,
        symbol: order.symbol,
        optionSymbol: order.option_symbol,
        quantity: order.quantity,
        at,
      });
    }
    if (result.closed) {
      this.events.emit('positions.closed', {
        positionId: result.positionId,
        realizedPnl: result.realized ?? '0',
        reason: 'reason' in result ? (result.reason ?? null) : null,
        at,
      });
      await this.queues
        .enqueue(JobName.CaptureOutcome, { positionId: result.positionId, source: 'live' })
        .catch((error: Error) =>
          this.logger.warn(`outcome capture not enqueued (the sweep retries): ${error.message}`),
        );
    }
    return {
      kind: 'filled',
      tradeId: result.tradeId,
      positionId: result.positionId,
      price: fill.price,
      closed: result.closed,
    };
  }
}
