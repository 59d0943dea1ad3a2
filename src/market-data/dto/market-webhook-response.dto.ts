import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class MarketWebhookStoredDto {
  @ApiProperty({ enum: ['stored'], example: 'stored' })
  status: 'stored';

  @ApiProperty({ example: 'SPY' })
  symbol: string;

  @ApiProperty({ example: 1, description: 'Prices, contracts or flow entries stored' })
  stored: number;

  @ApiProperty({ example: '2026-02-17T15:30:00.000Z', format: 'date-time', description: 'The data time used' })
  timestamp: string;

  @ApiProperty({ example: 60, description: 'How long Redis keeps it' })
  expires_in_seconds: number;

  @ApiProperty({ format: 'uuid' })
  request_id: string;
}

export class MarketWebhookFieldErrorDto {
  @ApiProperty({ example: 'contracts.0.bid' })
  field: string;

  @ApiProperty({ example: 'bid must not be less than 0' })
  message: string;
}

export class MarketWebhookErrorDto {
  @ApiProperty({ example: 400 })
  status: number;

  @ApiProperty({ example: 'Invalid payload' })
  error: string;

  @ApiProperty({
    example: 'validation_failed',
    description:
      'payload_too_large, malformed_body, invalid_payload, validation_failed, webhook_secret_not_configured, ' +
      'missing_credentials, invalid_signature, market_data_store_unavailable',
  })
  reason_code: string;

  @ApiPropertyOptional({ type: [MarketWebhookFieldErrorDto] })
  details?: MarketWebhookFieldErrorDto[];

  @ApiProperty({ format: 'uuid' })
  request_id: string;
}
