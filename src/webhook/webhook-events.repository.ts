import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { WebhookEventViewDto } from './dto/webhook-events.dto';

export interface WebhookEventListFilter {
  /** Any of these statuses; empty means all. */
  statuses: readonly string[];
  symbol?: string;
  from: Date | null;
  to: Date | null;
  ascending: boolean;
  includeRaw: boolean;
}

type Row = Omit<WebhookEventViewDto, 'created_at'> & { created_at: Date; total: number };

const COLUMNS = `event_id, request_id, signal_id, duplicate_of, status, reason_code, error_message, error_details,
  http_status, symbol, exchange, action, direction, timeframe, processing_time_ms, variant, is_test, test_session_id,
  test_scenario, content_type, body_format, payload_bytes, source_ip, created_at`;

const WHERE = `(cardinality($1::text[]) = 0 OR status = ANY($1::text[])) AND ($2::text IS NULL OR upper(symbol) = $2)
  AND ($3::timestamptz IS NULL OR created_at >= $3) AND ($4::timestamptz IS NULL OR created_at < $4)`;

/** Reads of the webhook event log (the signal log view); the ingestion path writes through WebhookRepository. */
@Injectable()
export class WebhookEventsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(
    filter: WebhookEventListFilter,
    limit: number,
    offset: number,
  ): Promise<{ items: WebhookEventViewDto[]; total: number }> {
    const params = [[...filter.statuses], filter.symbol?.toUpperCase() ?? null, filter.from, filter.to];
    const direction = filter.ascending ? 'ASC' : 'DESC';
    const rows = await this.dataSource.query<Row[]>(
      `SELECT ${COLUMNS}${filter.includeRaw ? ', raw_payload' : ''}, COUNT(*) OVER ()::int AS total
         FROM webhook_events WHERE ${WHERE}
        ORDER BY created_at ${direction}, event_id ${direction} LIMIT $5 OFFSET $6`,
      [...params, limit, offset],
    );
    let total = rows[0]?.total ?? 0;
    if (rows.length === 0 && offset > 0) {
      // Past the last page: the window count saw no rows, so count apart.
      const [count] = await this.dataSource.query<{ n: number }[]>(
        `SELECT COUNT(*)::int AS n FROM webhook_events WHERE ${WHERE}`,
        params,
      );
      total = count?.n ?? 0;
    }
    return {
      total,
      items: rows.map(({ total: _total, created_at, ...row }) => ({ ...row, created_at: created_at.toISOString() })),
    };
  }
}
