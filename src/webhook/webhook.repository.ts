import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { stripNul, toJsonb } from '../common/db/pg-safe';
import { NewSignalRecord, PersistOutcome, WebhookEventRecord } from './webhook.types';

const INSERT_EVENT = `INSERT INTO webhook_events (
  event_id, request_id, signal_id, duplicate_of, status, reason_code, error_message, error_details, http_status,
  symbol, exchange, action, direction, timeframe, processing_time_ms, raw_payload, is_test, test_session_id,
  test_scenario, content_type, source_ip, body_format, payload_bytes, created_at
) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24)`;

/*
 * One statement, one round trip: claim the dedup key, store the signal if the claim is ours, log the event either way.
 * The claim is an upsert on the key's primary key, so identical alerts serialize on it and each sees the previous
 * one's committed claim; the key is taken over only when its last signal is outside the window. Foreign keys are
 * checked at the end of the statement, after the signal row exists.
 */
const CLAIM_AND_STORE = `WITH claim AS (
  INSERT INTO signal_dedup_keys (dedup_key, signal_id, received_at) VALUES ($1, $2::uuid, $3::timestamptz)
  ON CONFLICT (dedup_key) DO UPDATE SET
    signal_id = CASE WHEN signal_dedup_keys.received_at <= $4::timestamptz
                       OR signal_dedup_keys.received_at > EXCLUDED.received_at
                     THEN EXCLUDED.signal_id ELSE signal_dedup_keys.signal_id END,
    received_at = CASE WHEN signal_dedup_keys.received_at <= $4::timestamptz
                         OR signal_dedup_keys.received_at > EXCLUDED.received_at
                       THEN EXCLUDED.received_at ELSE signal_dedup_keys.received_at END
  RETURNING signal_id
), stored AS (
  INSERT INTO signals (
    signal_id, symbol, exchange, action, direction, timeframe, timestamp, status, raw_payload, signal_hash, dedup_key,
    is_test, test_session_id, test_scenario, price, request_id, received_at, created_at, updated_at
  )
  SELECT $2::uuid, $5, $6, $7, $8, $9, $10, 'pending', $11::jsonb, $12, $1, $13, $14, $15, $16, $17::uuid,
         $3::timestamptz, $3::timestamptz, $3::timestamptz
    FROM claim WHERE claim.signal_id = $2::uuid
  RETURNING signal_id
), logged AS (
  INSERT INTO webhook_events (
    event_id, request_id, signal_id, duplicate_of, status, reason_code, error_message, error_details, http_status,
    symbol, exchange, action, direction, timeframe, processing_time_ms, raw_payload, is_test, test_session_id,
    test_scenario, content_type, source_ip, body_format, payload_bytes, created_at
  )
  SELECT $18::uuid, $17::uuid,
         CASE WHEN claim.signal_id = $2::uuid THEN claim.signal_id END,
         CASE WHEN claim.signal_id <> $2::uuid THEN claim.signal_id END,
         CASE WHEN claim.signal_id = $2::uuid THEN 'accepted' ELSE 'duplicate' END,
         CASE WHEN claim.signal_id = $2::uuid THEN NULL ELSE 'duplicate_signal' END,
         NULL, $19::jsonb, 200, $5, $6, $7, $8, $9, $20, $21::jsonb, $13, $14, $15, $22, $23, $24, $25, $3::timestamptz
    FROM claim
)
SELECT signal_id FROM claim`;

/** The event log keeps what a rejected alert said even when it does not fit a column. */
function clip(value: string | null | undefined, length: number): string | null {
  return value === undefined || value === null ? null : stripNul(value.slice(0, length));
}

/** Queries of the ingestion path: the signal and its event stored atomically, dedup serialized per key. */
@Injectable()
export class WebhookRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertEvent(event: WebhookEventRecord): Promise<void> {
    const s = event.signal;
    await this.dataSource.query(INSERT_EVENT, [
      event.eventId,
      event.requestId,
      event.signalId,
      event.duplicateOf,
      event.status,
      clip(event.reasonCode, 50),
      event.errorMessage === null ? null : stripNul(event.errorMessage),
      event.errorDetails === undefined || event.errorDetails === null ? null : toJsonb(event.errorDetails),
      event.httpStatus,
      clip(s.symbol, 20),
      clip(s.exchange, 20),
      clip(s.action, 10),
      clip(s.direction, 10),
      clip(s.timeframe, 10),
      Math.round(event.processingTimeMs),
      event.rawPayload === null ? null : toJsonb(event.rawPayload),
      s.isTest ?? false,
      clip(s.testSessionId, 128),
      clip(s.testScenario, 128),
      clip(event.contentType, 100),
      clip(event.sourceIp, 64),
      event.bodyFormat,
      event.payloadBytes,
      event.createdAt,
    ]);
  }

  /**
   * Stores a signal unless an identical one (same dedup key) was received inside the window, and logs the event
   * (`accepted` or `duplicate`) in the same statement: N concurrent copies yield exactly one signal.
   */
  async insertSignalOnce(
    record: NewSignalRecord,
    windowStart: Date,
    eventPayloadJson: string,
    event: WebhookEventRecord,
  ): Promise<PersistOutcome> {
    const s = record.signal;
    // The hot path goes straight to the pg pool with a named statement (parsed once per connection).
    const pool = (this.dataSource.driver as PostgresDriver).master as Pool;
    const values: unknown[] = [
      record.dedupKey,
      record.signalId,
      record.receivedAt,
      windowStart,
      s.symbol,
      clip(s.exchange, 20),
      s.action,
      s.direction,
      s.timeframe,
      s.timestamp,
      record.rawPayloadJson,
      record.signalHash,
      s.isTest,
      clip(s.testSessionId, 128),
      clip(s.testScenario, 128),
      s.price,
      record.requestId,
      event.eventId,
      event.errorDetails === undefined || event.errorDetails === null ? null : toJsonb(event.errorDetails),
      Math.round(event.processingTimeMs),
      eventPayloadJson,
      clip(event.contentType, 100),
      clip(event.sourceIp, 64),
      event.bodyFormat,
      event.payloadBytes,
    ];
    const result = await pool.query<{ signal_id: string }>({
      name: 'webhook_claim_and_store',
      text: CLAIM_AND_STORE,
      values,
    });
    const claimed = result.rows[0]?.signal_id;
    if (!claimed) {
      throw new Error('dedup claim returned no row');
    }
    return claimed === record.signalId
      ? { kind: 'accepted', signalId: claimed }
      : { kind: 'duplicate', duplicateOf: claimed };
  }
}
