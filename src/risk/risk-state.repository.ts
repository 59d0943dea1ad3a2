import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Engine } from '../core/experiment';
import type { RiskPendingOrder, RiskPosition } from '../core/risk';

export interface RiskLimitsRow {
  max_position_size: number;
  max_total_exposure: string;
  max_exposure_percent: string;
  max_positions_per_symbol: number;
}

/** What the gates read from the database, loaded at one instant. */
export interface RiskState {
  positions: RiskPosition[];
  pendingOrders: RiskPendingOrder[];
  realizedPnlToday: number;
  unrealizedPnl: number;
  /** Realized P&L of every closed position: the account grows or shrinks with it. */
  realizedPnlTotal: number;
  tradesToday: number;
  lastTradeAtBySymbol: Record<string, Date>;
}

interface PositionRow {
  symbol: string;
  engine: Engine;
  direction: 'long' | 'short' | null;
  type: 'call' | 'put';
  option_symbol: string;
  quantity: number;
  entry_price: string;
  current_price: string | null;
  status: 'open' | 'closing';
  entry_timestamp: Date;
}

/** Reads positions, pending orders, P&L and fills for the risk gates; inside a transaction when given its manager. */
@Injectable()
export class RiskStateRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async limitsRow(manager: EntityManager = this.dataSource.manager): Promise<RiskLimitsRow | null> {
    const rows: RiskLimitsRow[] = await manager.query(
      `SELECT max_position_size, max_total_exposure, max_exposure_percent, max_positions_per_symbol
         FROM risk_limits WHERE enabled ORDER BY updated_at DESC LIMIT 1`,
    );
    return rows[0] ?? null;
  }

  async openPositionCounts(
    symbol: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ total: number; symbol: number }> {
    const rows: { total: number; symbol: number }[] = await manager.query(
      `SELECT COUNT(*)::int AS total, COUNT(*) FILTER (WHERE upper(symbol) = upper($1))::int AS symbol
         FROM positions WHERE status IN ('open', 'closing')`,
      [symbol],
    );
    return rows[0] ?? { total: 0, symbol: 0 };
  }

  /**
   * @param dayStart midnight New York of the current day (fills and realized P&L "today").
   * @param cooldownSince fills after this instant count for the per-symbol cooldown.
   */
  async load(
    dayStart: Date,
    cooldownSince: Date,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<RiskState> {
    // One client runs one query at a time: inside a transaction the reads go in sequence.
    const all = manager.queryRunner ? sequence : parallel;
    const [positions, pending, pnl, trades, lastTrades] = await all([
      () =>
        manager.query<PositionRow[]>(
          `SELECT symbol, engine, direction, type, option_symbol, quantity, entry_price, current_price, status,
                entry_timestamp
           FROM positions WHERE status IN ('open', 'closing')`,
        ),
      () =>
        manager.query<{ symbol: string; engine: Engine; option_symbol: string }[]>(
          `SELECT symbol, engine, option_symbol FROM orders WHERE status = 'pending_execution' AND intent = 'open'`,
        ),
      () =>
        manager.query<{ realized_today: number; realized_total: number; unrealized: number }[]>(
          `SELECT COALESCE(SUM(realized_pnl) FILTER (WHERE exit_timestamp >= $1), 0)::float8 AS realized_today,
                COALESCE(SUM(realized_pnl) FILTER (WHERE status = 'closed'), 0)::float8 AS realized_total,
                COALESCE(SUM(unrealized_pnl) FILTER (WHERE status IN ('open', 'closing')), 0)::float8 AS unrealized
           FROM positions`,
          [dayStart],
        ),
      () =>
        manager.query<{ n: number }[]>(
          `SELECT COUNT(*)::int AS n FROM trades t JOIN orders o ON o.order_id = t.order_id
          WHERE o.order_type = 'paper' AND o.intent = 'open' AND t.fill_timestamp >= $1`,
          [dayStart],
        ),
      () =>
        manager.query<{ symbol: string; at: Date }[]>(
          `SELECT upper(o.symbol) AS symbol, MAX(t.fill_timestamp) AS at FROM trades t
           JOIN orders o ON o.order_id = t.order_id
          WHERE t.fill_timestamp >= $1 GROUP BY upper(o.symbol)`,
          [cooldownSince],
        ),
    ]);
    return {
      positions: positions.map((row) => ({
        symbol: row.symbol,
        engine: row.engine,
        direction: row.direction ?? (row.type === 'call' ? 'long' : 'short'),
        optionSymbol: row.option_symbol,
        quantity: row.quantity,
        entryPrice: Number(row.entry_price),
        currentPrice: Number(row.current_price ?? row.entry_price),
        status: row.status,
        openedAt: row.entry_timestamp,
      })),
      pendingOrders: pending.map((row) => ({
        symbol: row.symbol,
        engine: row.engine,
        optionSymbol: row.option_symbol,
      })),
      realizedPnlToday: pnl[0]?.realized_today ?? 0,
      realizedPnlTotal: pnl[0]?.realized_total ?? 0,
      unrealizedPnl: pnl[0]?.unrealized ?? 0,
      tradesToday: trades[0]?.n ?? 0,
      lastTradeAtBySymbol: Object.fromEntries(lastTrades.map((row) => [row.symbol, row.at])),
    };
  }
}

type Thunks<T extends readonly unknown[]> = { [K in keyof T]: () => Promise<T[K]> };

async function parallel<T extends readonly unknown[]>(thunks: Thunks<T>): Promise<T> {
  return Promise.all(
    (thunks as readonly (() => Promise<unknown>)[]).map((thunk) => thunk()),
  ) as Promise<unknown> as Promise<T>;
}

async function sequence<T extends readonly unknown[]>(thunks: Thunks<T>): Promise<T> {
  const results: unknown[] = [];
  for (const thunk of thunks as readonly (() => Promise<unknown>)[]) {
    results.push(await thunk());
  }
  return results as unknown as T;
}
