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
  position_id: string;
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
   * One statement (one round trip, one snapshot) for everything the gates read.
   * @param dayStart midnight New York of the current day (fills and realized P&L "today").
   * @param cooldownSince fills after this instant count for the per-symbol cooldown.
   */
  async load(
    dayStart: Date,
    cooldownSince: Date,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<RiskState> {
    const rows = await manager.query<StateRow[]>(
      `SELECT
         (SELECT COALESCE(json_agg(json_build_object(
             'position_id', position_id, 'symbol', symbol, 'engine', engine, 'direction', direction, 'type', type,
             'option_symbol', option_symbol,
             'quantity', quantity, 'entry_price', entry_price, 'current_price', current_price, 'status', status,
             'entry_timestamp', entry_timestamp)), '[]'::json)
            FROM positions WHERE status IN ('open', 'closing')) AS positions,
         (SELECT COALESCE(json_agg(json_build_object('symbol', symbol, 'engine', engine,
             'option_symbol', option_symbol)), '[]'::json)
            FROM orders WHERE status = 'pending_execution' AND intent = 'open') AS pending,
         (SELECT COALESCE(SUM(realized_pnl) FILTER (WHERE exit_timestamp >= $1), 0)::float8 FROM positions)
           AS realized_today,
         (SELECT COALESCE(SUM(realized_pnl) FILTER (WHERE status = 'closed'), 0)::float8 FROM positions)
           AS realized_total,
         (SELECT COALESCE(SUM(unrealized_pnl) FILTER (WHERE status IN ('open', 'closing')), 0)::float8 FROM positions)
           AS unrealized,
         (SELECT COUNT(*)::int FROM trades t JOIN orders o ON o.order_id = t.order_id
           WHERE o.order_type = 'paper' AND o.intent = 'open' AND t.fill_timestamp >= $1) AS trades_today,
         (SELECT COALESCE(json_object_agg(symbol, at), '{}'::json) FROM (
             SELECT upper(o.symbol) AS symbol, MAX(t.fill_timestamp) AS at FROM trades t
               JOIN orders o ON o.order_id = t.order_id
              WHERE t.fill_timestamp >= $2 GROUP BY upper(o.symbol)) last) AS last_trades`,
      [dayStart, cooldownSince],
    );
    const row = rows[0];
    return {
      positions: row.positions.map((p) => ({
        symbol: p.symbol,
        engine: p.engine,
        direction: p.direction ?? (p.type === 'call' ? 'long' : 'short'),
        optionSymbol: p.option_symbol,
        quantity: p.quantity,
        entryPrice: Number(p.entry_price),
        currentPrice: Number(p.current_price ?? p.entry_price),
        status: p.status,
        openedAt: new Date(p.entry_timestamp),
        positionId: p.position_id,
        marked: p.current_price !== null,
      })),
      pendingOrders: row.pending.map((o) => ({ symbol: o.symbol, engine: o.engine, optionSymbol: o.option_symbol })),
      realizedPnlToday: row.realized_today,
      realizedPnlTotal: row.realized_total,
      unrealizedPnl: row.unrealized,
      tradesToday: row.trades_today,
      lastTradeAtBySymbol: Object.fromEntries(
        Object.entries(row.last_trades).map(([symbol, at]) => [symbol, new Date(at)]),
      ),
    };
  }
}

interface StateRow {
  positions: (Omit<PositionRow, 'entry_timestamp' | 'entry_price' | 'current_price'> & {
    entry_timestamp: string;
    entry_price: string | number;
    current_price: string | number | null;
  })[];
  pending: { symbol: string; engine: Engine; option_symbol: string }[];
  realized_today: number;
  realized_total: number;
  unrealized: number;
  trades_today: number;
  last_trades: Record<string, string>;
}
