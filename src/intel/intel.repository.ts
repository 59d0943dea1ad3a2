import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface OpenPositionCount {
  symbol: string;
  engine: 'A' | 'B';
  n: number;
}

export interface LastSignalRow {
  symbol: string;
  signal_id: string;
  direction: string | null;
  timeframe: string;
  status: string;
  received_at: Date;
}

/** What the platform itself knows about a symbol: positions held and signals received. */
@Injectable()
export class IntelRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Symbols with open or closing positions, then symbols with signals since `since`, most recent first. */
  async activeSymbols(since: Date, limit: number): Promise<string[]> {
    const rows = await this.dataSource.query<{ symbol: string }[]>(
      `SELECT symbol FROM (
         SELECT symbol, 0 AS rank, MAX(entry_timestamp) AS at FROM positions WHERE status <> 'closed' GROUP BY 1
         UNION ALL
         SELECT symbol, 1, MAX(received_at) FROM signals WHERE received_at >= $1 GROUP BY 1
       ) s GROUP BY symbol ORDER BY MIN(rank), MAX(at) DESC, symbol LIMIT $2`,
      [since, limit],
    );
    return rows.map((r) => r.symbol);
  }

  async openPositions(symbols: readonly string[]): Promise<OpenPositionCount[]> {
    return this.dataSource.query<OpenPositionCount[]>(
      `SELECT symbol, engine, COUNT(*)::int AS n FROM positions
        WHERE status <> 'closed' AND symbol = ANY($1::text[]) GROUP BY 1, 2`,
      [[...symbols]],
    );
  }

  async lastSignals(symbols: readonly string[]): Promise<LastSignalRow[]> {
    return this.dataSource.query<LastSignalRow[]>(
      `SELECT DISTINCT ON (symbol) symbol, signal_id, direction, timeframe, status, received_at
         FROM signals WHERE symbol = ANY($1::text[])
        ORDER BY symbol, received_at DESC, signal_id`,
      [[...symbols]],
    );
  }
}
