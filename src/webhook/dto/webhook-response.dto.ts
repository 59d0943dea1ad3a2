import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class NormalizedSignalDto {
  @ApiProperty({ example: 'SPY' })
  symbol: string;

  @ApiPropertyOptional({ example: 'AMEX', nullable: true, type: String })
  exchange: string | null;

  @ApiProperty({ enum: ['entry', 'exit', 'cancel', 'add'], example: 'entry' })
  action: string;

  @ApiPropertyOptional({
    enum: ['long', 'short'],
    nullable: true,
    example: 'long',
    description: 'Entries: the side opened. Exits: the side closed (null when the alert does not say).',
  })
  direction: string | null;

  @ApiProperty({
    example: '5m',
    description: 'Canonical timeframe: <n>s, <n>m, <n>h, <n>d, <n>w, <n>mo, or "unknown" when the alert has none',
  })
  timeframe: string;

  @ApiProperty({ example: '2026-02-15T10:30:00.000Z', format: 'date-time' })
  timestamp: string;
}

export class WebhookAcceptedDto {
  @ApiProperty({ enum: ['ACCEPTED', 'DUPLICATE'], example: 'ACCEPTED' })
  status: string;

  @ApiProperty({
    format: 'uuid',
    description: 'The stored signal; for a DUPLICATE, the signal this alert duplicates',
    example: 'a1b2c3d4-e5f6-4890-abcd-ef1234567890',
  })
  signal_id: string;

  @ApiPropertyOptional({ example: 'duplicate_signal', description: 'Set on DUPLICATE' })
  reason_code?: string;

  @ApiProperty({ format: 'uuid', example: 'f0e1d2c3-b4a5-4789-8123-456789abcdef' })
  request_id: string;

  @ApiProperty({ example: 4.2 })
  processing_time_ms: number;

  @ApiProperty({ format: 'uuid', example: '11223344-5566-4788-99aa-bbccddeeff00' })
  webhook_event_id: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: null })
  test_session_id: string | null;

  @ApiProperty({ example: false })
  is_test: boolean;

  @ApiProperty({ type: NormalizedSignalDto, description: 'What the platform understood of the alert' })
  normalized: NormalizedSignalDto;

  @ApiProperty({
    type: [String],
    example: [],
    description: 'Things read leniently (e.g. placeholders in unused fields)',
  })
  warnings: string[];
}

export class FieldErrorDto {
  @ApiProperty({ example: 'symbol' })
  field: string;

  @ApiProperty({ example: 'symbol is required (symbol, ticker or meta.ticker)' })
  message: string;
}

export class WebhookRejectedDto {
  @ApiProperty({ enum: ['REJECTED', 'ERROR'], example: 'REJECTED' })
  status: string;

  @ApiProperty({ example: 'Invalid payload' })
  error: string;

  @ApiProperty({
    example: 'missing_symbol',
    description:
      'payload_too_large, invalid_payload, missing_symbol, invalid_symbol, missing_action, missing_direction, ' +
      'missing_timeframe, invalid_timeframe, invalid_timestamp, unsubstituted_placeholder, missing_credentials, ' +
      'invalid_secret, invalid_token, invalid_signature, ip_not_allowed, rate_limited, database_unavailable, internal_error',
  })
  reason_code: string;

  @ApiPropertyOptional({ type: [FieldErrorDto] })
  details?: FieldErrorDto[];

  @ApiProperty({ format: 'uuid' })
  request_id: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  webhook_event_id?: string | null;
}

export class WebhookTestDto {
  @ApiProperty({ example: 'ok' })
  status: string;

  @ApiProperty({ example: '2026-02-15T15:30:00.000Z', description: 'Platform clock' })
  timestamp: string;

  @ApiProperty({ example: true, description: 'Whether a webhook secret is required' })
  auth_required: boolean;

  @ApiProperty({ example: 131072 })
  max_body_bytes: number;
}
