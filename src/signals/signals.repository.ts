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
}
