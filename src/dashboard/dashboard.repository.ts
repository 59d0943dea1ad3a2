import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Engine } from '../database/entities/domain.types';

export interface FillAggregate {
  engine: Engine;
  /** Sum of the closing fills' realized P&L, NUMERIC as text. */
  realized_pnl: string;
  fills: number;
}

export interface ClosedAggregate {
  engine: Engine;
  closed_trades: number;
  wins: number;
  losses: number;
  scratches: number;
}

export interface OpenAggregate {
  engine: Engine;
  open_positions: number;
  unrealized_pnl: string;
}

export interface Window {
  from: Date | null;
  to: Date | null;
}

/** The portfolio overview's aggregates, per engine, summed in PostgreSQL NUMERIC. */
@Injectable()
export class DashboardRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Fills in the window; realized P&L from the closing ones. The engine is the fill's, else its order's. */
  async fills({ from, to }: Window): Promise<FillAggregate[]> {
    return this.dataSource.query<FillAggregate[]>(
      `SELECT COALESCE(t.engine, o.engine) AS engine,
              COALESCE(SUM(t.realized_pnl) FILTER (WHERE t.intent = 'close'), 0)::text AS realized_pnl,
              COUNT(*)::int AS fills
         FROM trades t JOIN orders o ON o.order_id = t.order_id
        WHERE ($1::timestamptz IS NULL OR t.fill_timestamp >= $1) AND ($2::timestamptz IS NULL OR t.fill_timestamp < $2)
        GROUP BY 1`,
      [from, to],
    );
  }

  /** Positions closed in the window, by the sign of their realized P&L. */
  async closed({ from, to }: Window): Promise<ClosedAggregate[]> {
    return this.dataSource.query<ClosedAggregate[]>(
      `SELECT engine, COUNT(*)::int AS closed_trades,
              COUNT(*) FILTER (WHERE realized_pnl > 0)::int AS wins,
              COUNT(*) FILTER (WHERE realized_pnl < 0)::int AS losses,
              COUNT(*) FILTER (WHERE COALESCE(realized_pnl, 0) = 0)::int AS scratches
         FROM positions
        WHERE status = 'closed'
          AND ($1::timestamptz IS NULL OR exit_timestamp >= $1) AND ($2::timestamptz IS NULL OR exit_timestamp < $2)
        GROUP BY engine`,
      [from, to],
    );
  }

  /** Open and closing positions now (the window does not apply). */
  async open(): Promise<OpenAggregate[]> {
    return this.dataSource.query<OpenAggregate[]>(
      `SELECT engine, COUNT(*)::int AS open_positions, COALESCE(SUM(unrealized_pnl), 0)::text AS unrealized_pnl
         FROM positions WHERE status IN ('open', 'closing') GROUP BY engine`,
    );
  }
}
