import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface StaleSignalCursor {
  createdAt: Date;
  signalId: string;
}

@Injectable()
export class OutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Signals that should be on the signals queue: pending ones older than the grace period (created after
   * `createdAfter` when given), and queued ones whose time has come. Keyset-paged so a long backlog is swept
   * completely.
   */
  async findStaleSignals(
    now: Date,
    olderThan: Date,
    createdAfter: Date | null,
    limit: number,
    after: StaleSignalCursor | null,
  ): Promise<{ signal_id: string; created_at: Date; queued_at: Date | null; enriched: boolean }[]> {
    return this.dataSource.query(
      `SELECT signal_id, created_at, queued_at,
              (status = 'pending' AND EXISTS (SELECT 1 FROM signal_enrichments e WHERE e.signal_id = signals.signal_id
                 AND e.processed_at >= signals.updated_at - interval '1 second')) AS enriched
         FROM signals
        WHERE ((status = 'pending' AND created_at < $1 AND ($6::timestamptz IS NULL OR created_at >= $6::timestamptz))
               OR (status = 'queued' AND queued_until <= $2))
          AND ($3::timestamptz IS NULL OR (created_at, signal_id) > ($3::timestamptz, $4::uuid))
        ORDER BY created_at, signal_id
        LIMIT $5`,
      [olderThan, now, after?.createdAt ?? null, after?.signalId ?? null, limit, createdAfter],
    );
  }

  /** Paper orders waiting for a fill past the grace period (the execution queue may have lost them). */
  async findStalePendingOrders(olderThan: Date, limit: number): Promise<{ order_id: string }[]> {
    return this.dataSource.query(
      `SELECT order_id FROM orders WHERE status = 'pending_execution' AND created_at < $1
        ORDER BY created_at LIMIT $2`,
      [olderThan, limit],
    );
  }

  /** Closed positions (real and shadow) whose outcome was not captured past the grace period. */
  async findUncapturedOutcomes(
    olderThan: Date,
    limit: number,
  ): Promise<{ position_id: string; source: 'live' | 'shadow' }[]> {
    return this.dataSource.query(
      `SELECT position_id, 'live' AS source FROM positions p
        WHERE status = 'closed' AND exit_timestamp < $1
          AND NOT EXISTS (SELECT 1 FROM bias_trade_performance b WHERE b.position_id = p.position_id AND b.source = 'live')
       UNION ALL
       SELECT shadow_position_id, 'shadow' FROM shadow_positions s
        WHERE status = 'closed' AND exit_timestamp < $1
          AND NOT EXISTS (SELECT 1 FROM bias_trade_performance b
                           WHERE b.position_id = s.shadow_position_id AND b.source = 'shadow')
       LIMIT $2`,
      [olderThan, limit],
    );
  }
}
