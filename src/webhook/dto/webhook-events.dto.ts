import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';
import { emptyToUndefined, SymbolFilter, TimeRangePageQueryDto } from '../../common/http/list-query';
import type { WebhookEventStatus } from '../../database/entities/domain.types';

export const WEBHOOK_EVENT_STATUSES: readonly WebhookEventStatus[] = [
  'accepted',
  'duplicate',
  'invalid_signature',
  'invalid_payload',
  'forbidden',
  'error',
];
/** The spec's Signal Log filter groups the refusals as `rejected`. */
export const REJECTED_EVENT_STATUSES: readonly WebhookEventStatus[] = [
  'invalid_signature',
  'invalid_payload',
  'forbidden',
];
export const WEBHOOK_EVENT_STATUS_FILTERS = [...WEBHOOK_EVENT_STATUSES, 'rejected'] as const;
export type WebhookEventStatusFilter = (typeof WEBHOOK_EVENT_STATUS_FILTERS)[number];
export const WEBHOOK_EVENT_SORTS = ['created_at:desc', 'created_at:asc'] as const;
export type WebhookEventSort = (typeof WEBHOOK_EVENT_SORTS)[number];

/** GET /webhook-events query. `from`/`to` bound created_at (when the request was received). */
export class WebhookEventListQueryDto extends TimeRangePageQueryDto {
  @ApiPropertyOptional({
    enum: WEBHOOK_EVENT_STATUS_FILTERS,
    example: 'rejected',
    description: 'rejected = invalid_signature, invalid_payload or forbidden',
  })
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(WEBHOOK_EVENT_STATUS_FILTERS)
  status?: WebhookEventStatusFilter;

  @SymbolFilter()
  symbol?: string;

  @ApiPropertyOptional({
    enum: WEBHOOK_EVENT_SORTS,
    default: 'created_at:desc',
    description: 'Newest first by default',
  })
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(WEBHOOK_EVENT_SORTS)
  sort?: WebhookEventSort;

  @ApiPropertyOptional({ enum: ['raw'], description: "raw: add each request's stored body (redacted, truncated)" })
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(['raw'])
  include?: 'raw';
}

export class WebhookEventFieldErrorDto {
  @ApiProperty({ example: 'symbol' }) field: string;
  @ApiProperty({ example: 'is required' }) message: string;
}

/** One row of the signal log (spec section 12, "Signal Log View"). */
export class WebhookEventViewDto {
  @ApiProperty({ format: 'uuid' }) event_id: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'The trace id of the request' })
  request_id: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'The signal stored (accepted)' })
  signal_id: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'The signal duplicated' })
  duplicate_of: string | null;
  @ApiProperty({ enum: WEBHOOK_EVENT_STATUSES, example: 'accepted' }) status: string;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'missing_symbol' }) reason_code: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: null }) error_message: string | null;
  @ApiPropertyOptional({ nullable: true, type: [WebhookEventFieldErrorDto], description: 'Field errors, if any' })
  error_details: unknown;
  @ApiPropertyOptional({ nullable: true, type: Number, example: 200 }) http_status: number | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'SPY' }) symbol: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'AMEX' }) exchange: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'entry' }) action: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'long' }) direction: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: '5m' }) timeframe: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number, example: 4 }) processing_time_ms: number | null;
  @ApiPropertyOptional({ nullable: true, enum: ['A', 'B'], example: null }) variant: string | null;
  @ApiProperty({ example: false }) is_test: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) test_session_id: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) test_scenario: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'application/json' }) content_type: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'json' }) body_format: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number, example: 112 }) payload_bytes: number | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: '52.89.214.238' }) source_ip: string | null;
  @ApiProperty({ format: 'date-time', example: '2026-02-17T15:30:00.012Z' }) created_at: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Only with include=raw: the body as stored (secrets redacted, 32 KB at most)',
  })
  raw_payload?: unknown;
}

export class WebhookEventListDto {
  @ApiProperty({ type: [WebhookEventViewDto] }) items: WebhookEventViewDto[];
  @ApiProperty({ example: 311, description: 'Events matching the filters, whatever the page' }) total: number;
  @ApiProperty({ example: 50 }) limit: number;
  @ApiProperty({ example: 0 }) offset: number;
}
