import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Engine } from '../core/experiment';

export interface LivePositionRow {
  position_id: string;
  signal_id: string | null;
  symbol: string;
  option_symbol: string;
  strike: string;
  expiration: string;
  type: 'call' | 'put';
  direction: 'long' | 'short' | null;
  quantity: number;
  entry_price: string;
  current_price: string | null;
  high_water_price: string | null;
  status: 'open' | 'closing';
  entry_timestamp: Date;
  engine: Engine;
  entry_bias: Record<string, unknown> | null;
  exit_state: { takenPartials?: string[]; stopTightened?: boolean } | null;
  realized_pnl: string | null;
}

const LIVE_COLUMNS = `position_id, signal_id, symbol, option_symbol, strike, to_char(expiration, 'YYYY-MM-DD') AS expiration,
  type, direction, quantity, entry_price, current_price, high_water_price, status, entry_timestamp, engine,
  entry_bias, exit_state, realized_pnl`;

@Injectable()
export class PositionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Open and closing positions, of one underlying or all. */
  async live(symbol?: string): Promise<LivePositionRow[]> {
    return this.dataSource.query<LivePositionRow[]>(
      `SELECT ${LIVE_COLUMNS} FROM positions
        WHERE status IN ('open', 'closing') AND ($1::text IS NULL OR upper(symbol) = upper($1))
        ORDER BY entry_timestamp`,
      [symbol ?? null],
    );
  }

  /** Every mark of one pass in one statement: price, unrealized P&L, pnl%, high-water mark. */
  async applyMarks(marks: { positionId: string; price: string }[], now: Date): Promise<void> {
    if (marks.length === 0) {
      return;
    }
    await this.dataSource.query(
      `UPDATE positions p SET current_price = m.price,
              unrealized_pnl = round((m.price - p.entry_price) * p.quantity * 100, 2),
              position_pnl_percent = round((m.price - p.entry_price) / p.entry_price * 100, 4),
              high_water_price = GREATEST(COALESCE(p.high_water_price, p.entry_price), m.price),
              last_updated = $2
         FROM jsonb_to_recordset($1::jsonb) AS m(position_id uuid, price numeric)
        WHERE p.position_id = m.position_id AND p.status IN ('open', 'closing')`,
      [JSON.stringify(marks.map((m) => ({ position_id: m.positionId, price: m.price }))), now],
    );
  }

  async recordExitState(
    positionId: string,
    state: { takenPartials?: string[]; stopTightened?: boolean },
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE positions SET exit_state = COALESCE(exit_state, '{}'::jsonb) || $2::jsonb WHERE position_id = $1`,
      [positionId, JSON.stringify(state)],
    );
  }

  async liveCount(): Promise<number> {
    const rows = await this.dataSource.query<{ n: number }[]>(
      `SELECT COUNT(*)::int AS n FROM positions WHERE status IN ('open', 'closing')`,
    );
    return rows[0]?.n ?? 0;
  }
}
