import type { DataSource } from 'typeorm';

/** Friday 2026-02-13 09:45 New York: 45 minutes before the risk tests' NOW. */
export const EARLIER_TODAY = '2026-02-13T14:45:00.000Z';
export const YESTERDAY = '2026-02-12T20:00:00.000Z';

export interface PositionFixture {
  symbol?: string;
  optionSymbol: string;
  type?: 'call' | 'put';
  direction?: 'long' | 'short';
  quantity?: number;
  entryPrice?: number;
  currentPrice?: number;
  status?: 'open' | 'closing' | 'closed';
  engine?: 'A' | 'B';
  realizedPnl?: number | null;
  exitTimestamp?: string | null;
  /** Entry time; 45 minutes before NOW by default (yesterday for a closed one). */
  openedAt?: string;
}

/** A `positions` row as the executor would have left it; returns its position_id. */
export async function insertPosition(dataSource: DataSource, p: PositionFixture): Promise<string> {
  const type = p.type ?? 'call';
  const strike = Number(p.optionSymbol.slice(-8)) / 1000;
  const rows = await dataSource.query<{ position_id: string }[]>(
    `INSERT INTO positions (symbol, option_symbol, strike, expiration, type, direction, quantity, entry_price,
                            current_price, status, entry_timestamp, engine, realized_pnl, exit_timestamp)
     VALUES ($1, $2, $3, '2026-02-20', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
     RETURNING position_id`,
    [
      p.symbol ?? 'SPY',
      p.optionSymbol,
      strike,
      type,
      p.direction ?? (type === 'call' ? 'long' : 'short'),
      p.quantity ?? 1,
      p.entryPrice ?? 3,
      p.currentPrice ?? p.entryPrice ?? 3,
      p.status ?? 'open',
      p.openedAt ?? (p.status === 'closed' ? YESTERDAY : EARLIER_TODAY),
      p.engine ?? 'A',
      p.realizedPnl ?? null,
      p.exitTimestamp ?? null,
    ],
  );
  return rows[0].position_id;
}
