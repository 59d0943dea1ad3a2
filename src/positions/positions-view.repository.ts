import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PositionViewDto } from './dto/positions.dto';

interface Row extends Omit<PositionViewDto, 'entry_timestamp' | 'exit_timestamp'> {
  entry_timestamp: Date;
  exit_timestamp: Date | null;
  total: number;
}

/** Position lists for the API, newest first, with the total for paging. */
@Injectable()
export class PositionsViewRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(
    filter: { closed: boolean; symbol?: string; engine?: string },
    limit: number,
    offset: number,
  ): Promise<{ items: PositionViewDto[]; total: number }> {
    const rows = await this.dataSource.query<Row[]>(
      `SELECT position_id, signal_id, symbol, option_symbol, strike, to_char(expiration, 'YYYY-MM-DD') AS expiration,
              type, quantity, entry_price, current_price, unrealized_pnl, realized_pnl, position_pnl_percent, status,
              engine, entry_timestamp, exit_timestamp, exit_reason, COUNT(*) OVER ()::int AS total
         FROM positions
        WHERE (CASE WHEN $1 THEN status = 'closed' ELSE status <> 'closed' END)
          AND ($2::text IS NULL OR upper(symbol) = upper($2)) AND ($3::text IS NULL OR engine = $3)
        ORDER BY ${filter.closed ? 'exit_timestamp' : 'entry_timestamp'} DESC, position_id
        LIMIT $4 OFFSET $5`,
      [filter.closed, filter.symbol ?? null, filter.engine ?? null, limit, offset],
    );
    return {
      total: rows[0]?.total ?? (offset > 0 ? await this.count(filter) : 0),
      items: rows.map(({ total: _total, ...row }) => ({
        ...row,
        entry_timestamp: row.entry_timestamp.toISOString(),
        exit_timestamp: row.exit_timestamp ? row.exit_timestamp.toISOString() : null,
      })),
    };
  }

  private async count(filter: { closed: boolean; symbol?: string; engine?: string }): Promise<number> {
    const rows = await this.dataSource.query<{ n: number }[]>(
      `SELECT COUNT(*)::int AS n FROM positions
        WHERE (CASE WHEN $1 THEN status = 'closed' ELSE status <> 'closed' END)
          AND ($2::text IS NULL OR upper(symbol) = upper($2)) AND ($3::text IS NULL OR engine = $3)`,
      [filter.closed, filter.symbol ?? null, filter.engine ?? null],
    );
    return rows[0]?.n ?? 0;
  }
}
