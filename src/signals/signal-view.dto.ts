import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NormalizedSignalDto } from '../webhook/dto/webhook-response.dto';

export class SignalViewDto {
  @ApiProperty({ format: 'uuid' })
  signal_id: string;

  @ApiProperty({ enum: ['pending', 'queued', 'approved', 'rejected'], example: 'pending' })
  status: string;

  @ApiProperty({ example: false, description: 'Engines ran but no order may be placed (market closed)' })
  decision_only: boolean;

  @ApiPropertyOptional({ nullable: true, type: String, example: null })
  rejection_reason: string | null;

  @ApiProperty({ type: NormalizedSignalDto })
  normalized: NormalizedSignalDto;

  @ApiPropertyOptional({ nullable: true, type: String, example: '595.42' })
  price: string | null;

  @ApiProperty({ example: false })
  is_test: boolean;

  @ApiPropertyOptional({ nullable: true, type: String })
  test_session_id: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  test_scenario: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' })
  queued_until: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' })
  request_id: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  signal_hash: string | null;

  @ApiProperty({ format: 'date-time', description: 'Receipt time by the platform clock' })
  received_at: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The alert as received, secrets redacted' })
  raw_payload: unknown;
}
