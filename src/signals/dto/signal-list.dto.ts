import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';
import { emptyToUndefined, SymbolFilter, TimeRangePageQueryDto } from '../../common/http/list-query';
import type { SignalStatus } from '../../database/entities/domain.types';
import { SignalViewDto } from '../signal-view.dto';

export const SIGNAL_STATUSES: readonly SignalStatus[] = ['pending', 'queued', 'approved', 'rejected'];
export const SIGNAL_SORTS = ['received_at:desc', 'received_at:asc'] as const;
export type SignalSort = (typeof SIGNAL_SORTS)[number];

/** GET /signals query. `from`/`to` bound received_at (the platform clock's receipt time). */
export class SignalListQueryDto extends TimeRangePageQueryDto {
  @ApiPropertyOptional({ enum: SIGNAL_STATUSES, example: 'approved' })
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(SIGNAL_STATUSES)
  status?: SignalStatus;

  @SymbolFilter()
  symbol?: string;

  @ApiPropertyOptional({ enum: SIGNAL_SORTS, default: 'received_at:desc', description: 'Newest first by default' })
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(SIGNAL_SORTS)
  sort?: SignalSort;

  @ApiPropertyOptional({ enum: ['raw'], description: "raw: add each signal's raw_payload (the alert as received)" })
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(['raw'])
  include?: 'raw';
}

export class SignalListItemDto extends OmitType(SignalViewDto, ['raw_payload'] as const) {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Only with include=raw: the alert as received, secrets redacted',
    example: { symbol: 'SPY', direction: 'long', timeframe: '5m', price: 595.42 },
  })
  raw_payload?: unknown;
}

export class SignalListDto {
  @ApiProperty({ type: [SignalListItemDto] }) items: SignalListItemDto[];
  @ApiProperty({ example: 128, description: 'Signals matching the filters, whatever the page' }) total: number;
  @ApiProperty({ example: 50 }) limit: number;
  @ApiProperty({ example: 0 }) offset: number;
}
