import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface LastActivityRow {
  signal_received_at: Date | null;
  decision_at: Date | null;
  fill_at: Date | null;
  position_mark_at: Date | null;
  webhook_event_at: Date | null;
}

export interface StuckCountsRow {
  pending_signals: number;
  due_queued_signals: number;
  pending_orders: number;
  closing_positions: number;
}

/** Read-only queries of the end-to-end status (GET /monitoring/e2e). */
@Injectable()
export class MonitoringRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }

  /**
   * The latest instant of each pipeline stage. Every one is written with the injected clock: a signal's receipt, its
   * decision (the signal's status change to approved/rejected), a fill, a position mark, a webhook event.
   */
  async lastActivity(): Promise<LastActivityRow> {
    const [row] = await this.dataSource.query<LastActivityRow[]>(
      `SELECT (SELECT MAX(created_at) FROM signals) AS signal_received_at,
              (SELECT MAX(updated_at) FROM signals WHERE status IN ('approved', 'rejected')) AS decision_at,
              (SELECT MAX(fill_timestamp) FROM trades) AS fill_at,
              (SELECT MAX(last_updated) FROM positions) AS position_mark_at,
              (SELECT MAX(created_at) FROM webhook_events) AS webhook_event_at`,
    );
    return row;
  }

  /** Rows in a non-terminal state past the outbox grace period (what the outbox sweep re-offers). */
  async stuckCounts(now: Date, olderThan: Date): Promise<StuckCountsRow> {
    const [row] = await this.dataSource.query<StuckCountsRow[]>(
      `SELECT (SELECT COUNT(*)::int FROM signals WHERE status = 'pending' AND created_at < $1) AS pending_signals,
              (SELECT COUNT(*)::int FROM signals WHERE status = 'queued' AND queued_until <= $2) AS due_queued_signals,
              (SELECT COUNT(*)::int FROM orders WHERE status = 'pending_execution' AND created_at < $1)
                AS pending_orders,
              (SELECT COUNT(*)::int FROM positions WHERE status = 'closing' AND COALESCE(last_updated, created_at) < $1)
                AS closing_positions`,
      [olderThan, now],
    );
    return row;
  }
}
