import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsDefined, IsOptional, IsString, MaxLength } from 'class-validator';

export class SetKillSwitchDto {
  @ApiProperty({ example: true, description: 'true engages the kill switch (no new entries), false releases it' })
  @IsDefined()
  @IsBoolean()
  engaged: boolean;

  @ApiPropertyOptional({
    example: false,
    default: false,
    description: 'When engaging: also close every open position through the normal exit path',
  })
  @IsOptional()
  @IsBoolean()
  flatten?: boolean;

  @ApiPropertyOptional({ example: 'runaway strategy', description: 'Why; kept in the audit trail and the alert' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class FlattenedPositionDto {
  @ApiProperty({ format: 'uuid' }) position_id: string;
  @ApiProperty({ example: 'closing', description: 'closing (close order queued), not_open, not_found' })
  outcome: string;
}

export class KillSwitchChangeDto {
  @ApiProperty({ example: true }) engaged: boolean;
  @ApiProperty({ example: 'ops@example.com' }) by: string;
  @ApiPropertyOptional({ example: 'runaway strategy', nullable: true }) reason: string | null;
  @ApiProperty({ type: [FlattenedPositionDto] }) flattened: FlattenedPositionDto[];
  @ApiProperty({ example: '2026-02-17T15:30:00.000Z' }) at: string;
}

export class KillSwitchStateDto {
  @ApiProperty({ example: false }) engaged: boolean;
  @ApiPropertyOptional({ example: 'ops@example.com', nullable: true }) updated_by: string | null;
  @ApiPropertyOptional({ example: '2026-02-17T15:30:00.000Z', nullable: true }) updated_at: string | null;
}
