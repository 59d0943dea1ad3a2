import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface SignalRow {
  signal_id: string;
  symbol: string;
  exchange: string | null;
  action: string;
  direction: string | null;
  timeframe: string;
  timestamp: Date;
  status: string;
  decision_only: boolean;
  rejection_reason: string | null;
  raw_payload: unknown;
  signal_hash: string | null;
  is_test: boolean;
  test_session_id: string | null;
  test_scenario: string | null;
  price: string | null;
  queued_until: Date | null;
  request_id: string | null;
  received_at: Date;
  created_at: Date;
}

export interface SignalListFilter {
  status?: string;
  symbol?: string;
  from: Date | null;
  to: Date | null;
  ascending: boolean;
  includeRaw: boolean;
}

const SIGNAL_COLUMNS = `signal_id, symbol, exchange, action, direction, timeframe, timestamp, status, decision_only,
  rejection_reason, signal_hash, is_test, test_session_id, test_scenario, price::text AS price, queued_until,
  request_id, received_at, created_at`;

const LIST_WHERE = `($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR symbol = $2)
  AND ($3::timestamptz IS NULL OR received_at >= $3) AND ($4::timestamptz IS NULL OR received_at < $4)`;

@Injectable()
export class SignalsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findById(signalId: string): Promise<SignalRow | null> {
    const rows: SignalRow[] = await this.dataSource.query(
      `SELECT signal_id, symbol, exchange, action, direction, timeframe, timestamp, status, decision_only,
              rejection_reason, raw_payload, signal_hash, is_test, test_session_id, test_scenario, price::text AS price,
              queued_until, request_id, received_at, created_at
         FROM signals WHERE signal_id = $1`,
      [signalId],
    );
    return rows[0] ?? null;
  }

  /** A page of signals by receipt time (ties broken by id), and how many match the filter. */
  async list(filter: SignalListFilter, limit: number, offset: number): Promise<{ rows: SignalRow[]; total: number }> {
    const params = [filter.status ?? null, filter.symbol?.toUpperCase() ?? null, filter.from, filter.to];
    const direction = filter.ascending ? 'ASC' : 'DESC';
    const rows = await this.dataSource.query<(SignalRow & { total: number })[]>(
      `SELECT ${SIGNAL_COLUMNS}, ${filter.includeRaw ? 'raw_payload' : 'NULL::jsonb AS raw_payload'},
              COUNT(*) OVER ()::int AS total
         FROM signals WHERE ${LIST_WHERE}
        ORDER BY received_at ${direction}, signal_id ${direction} LIMIT $5 OFFSET $6`,
      [...params, limit, offset],
    );
    if (rows.length > 0 || offset === 0) {
      return { rows, total: rows[0]?.total ?? 0 };
    }
    // Past the last page: the window count saw no rows, so count apart.
    const [count] = await this.dataSource.query<{ n: number }[]>(
      `SELECT COUNT(*)::int AS n FROM signals WHERE ${LIST_WHERE}`,
      params,
    );
    return { rows, total: count?.n ?? 0 };
  }
}
