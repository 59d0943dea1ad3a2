import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { stripNul, toJsonb } from '../common/db/pg-safe';
import { NewSignalRecord, PersistOutcome, WebhookEventRecord } from './webhook.types';

const INSERT_EVENT = `INSERT INTO webhook_events (
  event_id, request_id, signal_id, duplicate_of, status, reason_code, error_message, error_details, http_status,
  symbol, exchange, action, direction, timeframe, processing_time_ms, raw_payload, is_test, test_session_id,
  test_scenario, content_type, source_ip, body_format, payload_bytes, created_at
) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24)`;

const INSERT_SIGNAL = `INSERT INTO signals (
  signal_id, symbol, exchange, action, direction, timeframe, timestamp, status, raw_payload, signal_hash, dedup_key,
  is_test, test_session_id, test_scenario, price, request_id, received_at, created_at, updated_at
) VALUES ($1,$2,$3,$4,$5,$6,$7,'pending',$8,$9,$10,$11,$12,$13,$14,$15,$16,$16,$16)`;

/** The event log keeps what a rejected alert said even when it does not fit a column. */
function clip(value: string | null | undefined, length: number): string | null {
  return value === undefined || value === null ? null : stripNul(value.slice(0, length));
}

/** Queries of the ingestion path: one signal and its event in one transaction, dedup serialized per key. */
@Injectable()
export class WebhookRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertEvent(event: WebhookEventRecord, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const s = event.signal;
    await manager.query(INSERT_EVENT, [
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
   * Stores a signal unless an identical one (same dedup key) was received inside the window. A transaction-scoped
   * advisory lock on the key serializes identical alerts, so N concurrent copies yield exactly one signal.
   */
  async insertSignalOnce(
    record: NewSignalRecord,
    windowStart: Date,
    event: (outcome: PersistOutcome) => WebhookEventRecord,
  ): Promise<PersistOutcome> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [record.dedupKey]);
      const existing: { signal_id: string }[] = await manager.query(
        `SELECT signal_id FROM signals WHERE dedup_key = $1 AND received_at > $2 AND received_at <= $3
         ORDER BY received_at DESC LIMIT 1`,
        [record.dedupKey, windowStart, record.receivedAt],
      );
      let outcome: PersistOutcome;
      if (existing.length > 0) {
        outcome = { kind: 'duplicate', duplicateOf: existing[0].signal_id };
      } else {
        const s = record.signal;
        await manager.query(INSERT_SIGNAL, [
          record.signalId,
          s.symbol,
          clip(s.exchange, 20),
          s.action,
          s.direction,
          s.timeframe,
          s.timestamp,
          toJsonb(record.rawPayload),
          record.signalHash,
          record.dedupKey,
          s.isTest,
          clip(s.testSessionId, 128),
          clip(s.testScenario, 128),
          s.price,
          record.requestId,
          record.receivedAt,
        ]);
        outcome = { kind: 'accepted', signalId: record.signalId };
      }
      await this.insertEvent(event(outcome), manager);
      return outcome;
    });
  }
}
