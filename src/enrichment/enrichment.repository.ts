import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { JsonObject } from '../database/entities/json.types';

export interface SignalForPipeline {
  signal_id: string;
  symbol: string;
  action: 'entry' | 'exit' | 'cancel' | 'add';
  direction: 'long' | 'short' | null;
  timeframe: string;
  timestamp: Date;
  status: 'pending' | 'queued' | 'approved' | 'rejected';
  decision_only: boolean;
  raw_payload: Record<string, unknown> | null;
  received_at: Date;
  queued_at: Date | null;
  queued_until: Date | null;
  request_id: string | null;
}

const OPEN_STATUSES = `status IN ('pending', 'queued')`;

/** The enrichment step's reads and writes. Every write is conditional on the signal still being undecided. */
@Injectable()
export class EnrichmentRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findSignal(signalId: string): Promise<SignalForPipeline | null> {
    const rows: SignalForPipeline[] = await this.dataSource.query(
      `SELECT signal_id, symbol, action, direction, timeframe, timestamp, status, decision_only, raw_payload,
              received_at, queued_at, queued_until, request_id
         FROM signals WHERE signal_id = $1`,
      [signalId],
    );
    return rows[0] ?? null;
  }

  /** One enrichment row per signal: a signal enriched again (released at the open, retried) replaces it. */
  async saveEnrichment(
    signalId: string,
    enrichedData: JsonObject,
    riskResult: JsonObject,
    rejectionReason: string | null,
    now: Date,
  ): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO signal_enrichments (signal_id, enriched_data, risk_check_result, rejection_reason, processed_at,
                                       created_at)
       VALUES ($1, $2::jsonb, $3::jsonb, $4, $5, $5)
       ON CONFLICT (signal_id) DO UPDATE SET enriched_data = EXCLUDED.enriched_data,
         risk_check_result = EXCLUDED.risk_check_result, rejection_reason = EXCLUDED.rejection_reason,
         processed_at = EXCLUDED.processed_at`,
      [signalId, JSON.stringify(enrichedData), JSON.stringify(riskResult), rejectionReason, now],
    );
  }

  async reject(signalId: string, reason: string, now: Date): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `UPDATE signals SET status = 'rejected', rejection_reason = $2, processed = true, updated_at = $3,
              processing_attempts = processing_attempts + 1
        WHERE signal_id = $1 AND ${OPEN_STATUSES} RETURNING signal_id`,
      [signalId, reason, now],
    );
    return rows.length > 0;
  }

  async queueUntil(signalId: string, until: Date, reason: string, now: Date): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `UPDATE signals SET status = 'queued', queued_until = $2, queued_at = $4, queue_reason = $3, updated_at = $4
        WHERE signal_id = $1 AND status = 'pending' RETURNING signal_id`,
      [signalId, until, reason, now],
    );
    return rows.length > 0;
  }

  /** A queued signal whose time has come goes back to pending; its `queued_at` stays as the release mark. */
  async release(signalId: string, now: Date): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `UPDATE signals SET status = 'pending', updated_at = $2
        WHERE signal_id = $1 AND status = 'queued' AND queued_until <= $2 RETURNING signal_id`,
      [signalId, now],
    );
    return rows.length > 0;
  }

  async markEnriched(signalId: string, decisionOnly: boolean, now: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE signals SET decision_only = $2, processing_attempts = processing_attempts + 1, updated_at = $3
        WHERE signal_id = $1 AND status = 'pending'`,
      [signalId, decisionOnly, now],
    );
  }

  async dueQueuedSignals(now: Date, limit: number): Promise<{ signal_id: string; queued_at: Date }[]> {
    return this.dataSource.query(
      `SELECT signal_id, queued_at FROM signals WHERE status = 'queued' AND queued_until <= $1
        ORDER BY queued_until, created_at LIMIT $2`,
      [now, limit],
    );
  }
}
