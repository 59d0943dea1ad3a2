import type { DataSource } from 'typeorm';
import type { TestApp } from '../../helpers/test-app';
import { signedPost } from '../decision/pipeline-helpers';

/** SPY call positions inserted straight into the book, and the option chain that marks and fills them. */

export interface PositionRow {
  status: string;
  quantity: number;
  realized_pnl: string | null;
  unrealized_pnl: string | null;
  current_price: string | null;
  exit_state: { takenPartials?: string[] } | null;
}

/** Scripts the 596, 598 and 600 calls at the given bid/ask (cross fills sell at the bid, marks are at the mid). */
export async function pushChain(t: TestApp, quotes: Record<string, { bid: number; ask: number }>): Promise<void> {
  const at = t.clock.now().toISOString();
  const contracts = Object.entries(quotes).map(([option_symbol, quote]) => ({
    option_symbol,
    ...quote,
    iv: 0.16,
    open_interest: 40_000,
    volume: 9_000,
  }));
  const res = await signedPost(t.url, '/api/webhooks/chain', {
    symbol: 'SPY',
    timestamp: at,
    underlying_price: 595.42,
    contracts,
  });
  expect(res.status).toBe(200);
}

export async function insertPosition(
  dataSource: DataSource,
  optionSymbol: string,
  strike: number,
  quantity: number,
  entryPrice: string,
  entryAt: string,
): Promise<string> {
  const [row] = await dataSource.query<{ position_id: string }[]>(
    `INSERT INTO positions (symbol, option_symbol, strike, expiration, type, direction, quantity, entry_price,
                            current_price, high_water_price, unrealized_pnl, status, entry_timestamp, engine,
                            last_updated)
     VALUES ('SPY', $1, $2, '2026-02-20', 'call', 'long', $3, $4, $4, $4, 0, 'open', $5, 'A', $5)
     RETURNING position_id`,
    [optionSymbol, strike, quantity, entryPrice, entryAt],
  );
  return row.position_id;
}

export async function positionOf(dataSource: DataSource, positionId: string): Promise<PositionRow> {
  const [row] = await dataSource.query<PositionRow[]>(
    `SELECT status, quantity, realized_pnl, unrealized_pnl, current_price, exit_state FROM positions
      WHERE position_id = $1`,
    [positionId],
  );
  return row;
}
