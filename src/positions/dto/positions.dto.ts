import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class ClosePositionDto {
  @ApiPropertyOptional({ example: 'manual', description: 'Why; stored as the exit reason. Default manual.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  reason?: string;

  @ApiPropertyOptional({ example: 4, description: 'Contracts to close; the whole position when absent.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  quantity?: number;
}

export class ClosePositionResultDto {
  @ApiProperty({ format: 'uuid' }) position_id: string;
  @ApiProperty({ format: 'uuid', description: 'The closing order, queued for execution' }) order_id: string;
  @ApiProperty({ example: 9 }) quantity: number;
  @ApiProperty({ example: 'closing' }) status: string;
}

export class PositionViewDto {
  @ApiProperty({ format: 'uuid' }) position_id: string;
  @ApiPropertyOptional({ format: 'uuid' }) signal_id: string | null;
  @ApiProperty({ example: 'SPY' }) symbol: string;
  @ApiProperty({ example: 'SPY260220C00596000' }) option_symbol: string;
  @ApiProperty({ example: '596.00' }) strike: string;
  @ApiProperty({ example: '2026-02-20' }) expiration: string;
  @ApiProperty({ enum: ['call', 'put'] }) type: string;
  @ApiProperty({ example: 9 }) quantity: number;
  @ApiProperty({ example: '3.5200' }) entry_price: string;
  @ApiPropertyOptional({ example: '5.3000' }) current_price: string | null;
  @ApiPropertyOptional({ example: '1602.00' }) unrealized_pnl: string | null;
  @ApiPropertyOptional({ example: '1584.00' }) realized_pnl: string | null;
  @ApiPropertyOptional({ example: '50.5682' }) position_pnl_percent: string | null;
  @ApiProperty({ enum: ['open', 'closing', 'closed'] }) status: string;
  @ApiProperty({ enum: ['A', 'B'] }) engine: string;
  @ApiProperty() entry_timestamp: string;
  @ApiPropertyOptional() exit_timestamp: string | null;
  @ApiPropertyOptional({ example: 'profit_target' }) exit_reason: string | null;
}

export class PositionListDto {
  @ApiProperty({ type: [PositionViewDto] }) items: PositionViewDto[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}
