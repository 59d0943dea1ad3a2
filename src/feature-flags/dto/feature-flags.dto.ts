import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsDefined, IsOptional, IsString, MaxLength } from 'class-validator';

export class UpdateFeatureFlagDto {
  @ApiProperty({ example: true, description: 'The new value' })
  @IsDefined()
  @IsBoolean()
  enabled: boolean;

  @ApiPropertyOptional({ example: 'Engine B back after the agent fix', description: 'Why; kept in the audit trail' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class FeatureFlagDto {
  @ApiProperty({ example: 'enable_variant_b' }) name: string;
  @ApiProperty({ example: true }) enabled: boolean;
  @ApiProperty({ example: false, description: 'The value the environment (or the built-in default) gives' })
  environment_value: boolean;
  @ApiPropertyOptional({ example: 'Enable Engine B (multi-agent)', nullable: true }) description: string | null;
  @ApiProperty({
    enum: ['environment', 'database'],
    example: 'database',
    description: 'database: set through the API (the row wins); environment: the environment/default value',
  })
  source: 'environment' | 'database';
  @ApiPropertyOptional({ example: 'ops@example.com', nullable: true }) updated_by: string | null;
  @ApiPropertyOptional({ example: '2026-02-17T15:30:00.000Z', nullable: true }) updated_at: string | null;
}

export class FeatureFlagListDto {
  @ApiProperty({ type: [FeatureFlagDto] }) items: FeatureFlagDto[];
  @ApiProperty({ example: 21 }) total: number;
}

export class FeatureFlagChangeDto extends FeatureFlagDto {
  @ApiPropertyOptional({ example: false, nullable: true, description: 'The value before (null: the row was new)' })
  previous_enabled: boolean | null;
  @ApiProperty({ format: 'uuid', description: 'The feature_flag_audit entry of this change' }) audit_id: string;
}

export class FeatureFlagAuditEntryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'enable_variant_b' }) flag_name: string;
  @ApiPropertyOptional({ example: false, nullable: true }) old_value: boolean | null;
  @ApiProperty({ example: true }) new_value: boolean;
  @ApiProperty({ example: 'ops@example.com' }) actor: string;
  @ApiProperty({ example: 'user', enum: ['user', 'api_key', 'system'] }) actor_kind: string;
  @ApiPropertyOptional({ example: 'Engine B back after the agent fix', nullable: true }) reason: string | null;
  @ApiProperty({ example: '2026-02-17T15:30:00.000Z' }) changed_at: string;
}

export class FeatureFlagAuditListDto {
  @ApiProperty({ type: [FeatureFlagAuditEntryDto] }) items: FeatureFlagAuditEntryDto[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}
