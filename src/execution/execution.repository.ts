import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Engine } from '../core/experiment';

export interface OrderRow {
  order_id: string;
  signal_id: string | null;
  position_id: string | null;
  intent: 'open' | 'close';
  symbol: string;
  option_symbol: string;
  strike: string;
  expiration: string;
  type: 'call' | 'put';
  quantity: number;
  status: 'pending_execution' | 'filled' | 'failed';
  engine: Engine;
  experiment_id: string | null;
  decision_mid: string | null;
  exit_reason: string | null;
  trace_id: string | null;
}

export interface PositionRow {
  position_id: string;
  symbol: string;
  option_symbol: string;
  quantity: number;
  entry_price: string;
  realized_pnl: string | null;
  status: 'open' | 'closing' | 'closed';
  closing_quantity: number | null;
  exit_reason: string | null;
}

/** The bias state a position is opened under (spec section 11's entry state; the exit intelligence's baseline). */
export interface EntryBias {
  biasScore: number;
  direction: 'bullish' | 'bearish' | 'neutral';
  confidence: number;
  regime: string;
  macroClass: string;
  modeHint: string;
  chopScore: number;
  acceleration: number;
}

export interface TradeWrite {
  price: string;
  quantity: number;
  commission: string;
  fees: string;
  quote: { bid: number | null; ask: number | null; mid: string } | null;
  slippage: string | null;
  fillModel: string;
  realizedPnl: string | null;
  positionId: string | null;
}

const DAILY_TRADES_LOCK_KEY = 0x5ec1_0002;

const ORDER_COLUMNS = `order_id, signal_id, position_id, intent, symbol, option_symbol, strike,
  to_char(expiration, 'YYYY-MM-DD') AS expiration, type, quantity, status, engine, experiment_id, decision_mid,
  exit_reason, trace_id`;

/** Reads and writes of paper execution; the writes run inside the caller's transaction. */
@Injectable()
export class ExecutionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async findOrder(orderId: string, tx?: EntityManager, lock = false): Promise<OrderRow | null> {
    const rows = await (tx ?? this.dataSource).query<OrderRow[]>(
      `SELECT ${ORDER_COLUMNS} FROM orders WHERE order_id = $1${lock ? ' FOR UPDATE' : ''}`,
      [orderId],
    );
    return rows[0] ?? null;
  }

  /** Opening fills today (the spec's MAX_DAILY_TRADES count: paper trades since midnight). */
  /**
   * Opening fills since `since`. Inside a fill transaction (`lock`), an advisory lock first serializes the opening
   * fills that count against MAX_DAILY_TRADES, so concurrent workers cannot pass the cap together.
   */
  async openingFillsSince(since: Date, tx?: EntityManager, lock = false): Promise<number> {
    const runner = tx ?? this.dataSource;
    if (lock) {
      await runner.query('SELECT pg_advisory_xact_lock($1)', [DAILY_TRADES_LOCK_KEY]);
    }
    const rows = await runner.query<{ n: number }[]>(
      `SELECT COUNT(*)::int AS n FROM trades t JOIN orders o ON o.order_id = t.order_id
        WHERE o.order_type = 'paper' AND t.intent = 'open' AND t.fill_timestamp >= $1`,
      [since],
    );
    return rows[0]?.n ?? 0;
  }

  async failOrder(orderId: string, reason: string, now: Date): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `UPDATE orders SET status = 'failed', failure_reason = $2, updated_at = $3
        WHERE order_id = $1 AND status = 'pending_execution' RETURNING order_id`,
      [orderId, reason, now],
    );
    return rows.length > 0;
  }

  /**
   * A closing order that failed gives its position back: open again, no close under way. A failed partial's tier
   * code leaves `exit_state.takenPartials` (PositionCloser put it there), so the exit monitor may take it again.
   */
  async reopenPosition(
    tx: EntityManager,
    order: Pick<OrderRow, 'position_id' | 'exit_reason'>,
    now: Date,
  ): Promise<void> {
    await tx.query(
      `UPDATE positions SET status = 'open', closing_quantity = NULL, exit_reason = NULL, last_updated = $2,
              exit_state = CASE WHEN closing_quantity < quantity AND exit_state ? 'takenPartials'
                THEN jsonb_set(exit_state, '{takenPartials}', COALESCE(
                       (SELECT jsonb_agg(taken) FROM jsonb_array_elements(exit_state->'takenPartials') AS taken
                         WHERE taken <> to_jsonb($3::text)),
                       '[]'::jsonb))
                ELSE exit_state END
        WHERE position_id = $1 AND status = 'closing'`,
      [order.position_id, now, order.exit_reason],
    );
  }

  /** The unique order_id makes a second trade for the same order impossible: null when one exists. */
  async insertTrade(tx: EntityManager, order: OrderRow, trade: TradeWrite, now: Date): Promise<string | null> {
    const rows = await tx.query<{ trade_id: string }[]>(
      `INSERT INTO trades (order_id, fill_price, fill_quantity, fill_timestamp, commission, fees, engine, experiment_id,
                           intent, position_id, quote_bid, quote_ask, quote_mid, decision_mid, slippage,
                           realized_pnl, fill_model, created_at, trace_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $4, $18)
       ON CONFLICT (order_id) DO NOTHING RETURNING trade_id`,
      [
        order.order_id,
        trade.price,
        trade.quantity,
        now,
        trade.commission,
        trade.fees,
        order.engine,
        order.experiment_id,
        order.intent,
        trade.positionId,
        trade.quote?.bid ?? null,
        trade.quote?.ask ?? null,
        trade.quote?.mid ?? null,
        order.decision_mid,
        trade.slippage,
        trade.realizedPnl,
        trade.fillModel,
        order.trace_id,
      ],
    );
    return rows[0]?.trade_id ?? null;
  }

  /**
   * Opens the position, or adds to the live one on the same option and engine (weighted entry, in NUMERIC). The
   * partial unique index on (option_symbol, engine) for non-closed rows is what makes "one position" a fact.
   */
  async openOrAdd(
    tx: EntityManager,
    order: OrderRow,
    price: string,
    quantity: number,
    now: Date,
    bias: EntryBias | null,
  ): Promise<{ position_id: string; added: boolean }> {
    const rows = await tx.query<{ position_id: string; added: boolean }[]>(
      `INSERT INTO positions (signal_id, symbol, option_symbol, strike, expiration, type, direction, quantity,
                              entry_price, current_price, high_water_price, unrealized_pnl, status, entry_timestamp,
                              engine, experiment_id, last_updated, created_at, entry_bias_score,
                              entry_regime_type, entry_mode_hint, entry_macro_class,
                              entry_acceleration_state_strength_delta, entry_bias, position_pnl_percent, trace_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $9, 0, 'open', $10, $11, $12, $10, $10, $13, $14, $15, $16, $17,
               $18::jsonb, 0, $19)
       ON CONFLICT (option_symbol, engine) WHERE status <> 'closed' DO UPDATE SET
         entry_price = round((positions.entry_price * positions.quantity + EXCLUDED.entry_price * EXCLUDED.quantity)
                             / (positions.quantity + EXCLUDED.quantity), 4),
         quantity = positions.quantity + EXCLUDED.quantity,
         last_updated = EXCLUDED.last_updated
       RETURNING position_id, (xmax <> 0) AS added`,
      [
        order.signal_id,
        order.symbol,
        order.option_symbol,
        order.strike,
        order.expiration,
        order.type,
        order.type === 'call' ? 'long' : 'short',
        quantity,
        price,
        now,
        order.engine,
        order.experiment_id,
        bias?.biasScore ?? null,
        bias?.regime ?? null,
        bias?.modeHint ?? null,
        bias?.macroClass ?? null,
        bias?.acceleration ?? null,
        bias ? JSON.stringify(bias) : null,
        order.trace_id,
      ],
    );
    return rows[0];
  }

  async lockPosition(tx: EntityManager, positionId: string): Promise<PositionRow | null> {
    const rows = await tx.query<PositionRow[]>(
      `SELECT position_id, symbol, option_symbol, quantity, entry_price, realized_pnl, status, closing_quantity,
              exit_reason
         FROM positions WHERE position_id = $1 FOR UPDATE`,
      [positionId],
    );
    return rows[0] ?? null;
  }

  async applyClose(
    tx: EntityManager,
    positionId: string,
    result: { remainingQuantity: number; realizedTotal: string; closed: boolean },
    price: string,
    now: Date,
  ): Promise<void> {
    if (result.closed) {
      await tx.query(
        `UPDATE positions SET status = 'closed', realized_pnl = $2, current_price = $3::numeric, unrealized_pnl = 0,
                position_pnl_percent = round(($3::numeric - entry_price) / entry_price * 100, 4),
                closing_quantity = NULL, exit_timestamp = $4, last_updated = $4
          WHERE position_id = $1`,
        [positionId, result.realizedTotal, price, now],
      );
      return;
    }
    // A partial exit: the rest stays open, marked at this fill.
    await tx.query(
      `UPDATE positions SET status = 'open', quantity = $2::int, realized_pnl = $3, current_price = $4::numeric,
              unrealized_pnl = round(($4::numeric - entry_price) * $2::int * 100, 2),
              position_pnl_percent = round(($4::numeric - entry_price) / entry_price * 100, 4),
              closing_quantity = NULL, exit_reason = NULL, last_updated = $5
        WHERE position_id = $1`,
      [positionId, result.remainingQuantity, result.realizedTotal, price, now],
    );
  }

  async markFilled(tx: EntityManager, orderId: string, positionId: string, now: Date): Promise<void> {
    await tx.query(
      `UPDATE orders SET status = 'filled', position_id = COALESCE(position_id, $2), updated_at = $3
        WHERE order_id = $1`,
      [orderId, positionId, now],
    );
  }
}
