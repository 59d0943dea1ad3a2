import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, Matches } from 'class-validator';
import { SYMBOL_PATTERN } from '../../common/http/list-query';
import { BiasSummaryItemDto } from '../../bias/dto/bias.dto';

export const MAX_INTEL_SYMBOLS = 20;

/** `SPY,qqq, IWM` -> ['SPY', 'QQQ', 'IWM'] (duplicates dropped); '' is absent; anything else is left for validation. */
const toSymbolList = ({ value }: { value: unknown }): unknown => {
  if (value === undefined || value === '') {
    return undefined;
  }
  // `symbols=SPY,QQQ` and `symbols=SPY&symbols=QQQ` are the same list.
  const parts = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(parts) || !parts.every((p): p is string => typeof p === 'string')) {
    return value;
  }
  return [...new Set(parts.flatMap((p) => p.split(',')).map((s) => s.trim().toUpperCase()))];
};

export class IntelSnapshotQueryDto {
  @ApiPropertyOptional({
    type: String,
    example: 'SPY,QQQ',
    description:
      `Comma-separated tickers (at most ${MAX_INTEL_SYMBOLS}). Default: GAMMA_METRICS_SYMBOLS, then symbols with ` +
      'open positions, then symbols with signals in the last 24 hours',
  })
  @Transform(toSymbolList)
  @IsOptional()
  @IsArray({ message: 'symbols must be a comma-separated list of tickers' })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_INTEL_SYMBOLS, { message: `symbols must list at most ${MAX_INTEL_SYMBOLS} tickers` })
  @Matches(SYMBOL_PATTERN, { each: true, message: 'symbols must be tickers such as SPY,QQQ' })
  symbols?: string[];
}

export class IntelMarketDto {
  @ApiProperty({ enum: ['premarket', 'regular', 'afterhours', 'closed'], example: 'regular' }) session: string;
  @ApiProperty({ example: true, description: 'The regular session is open' }) is_open: boolean;
  @ApiProperty({ format: 'date-time', example: '2026-02-18T14:30:00.000Z' }) next_open: string;
  @ApiProperty({ format: 'date-time', example: '2026-02-17T21:00:00.000Z' }) next_close: string;
}

export class IntelPriceDto {
  @ApiProperty({ example: 595.42 }) last: number;
  @ApiPropertyOptional({ nullable: true, type: Number, example: 595.41 }) bid: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, example: 595.43 }) ask: number | null;
  @ApiProperty({ example: 595.42 }) mid: number;
  @ApiProperty({ format: 'date-time', example: '2026-02-17T15:29:58.000Z' }) as_of: string;
  @ApiProperty({ example: 'simulated', description: 'The provider that answered' }) source: string;
}

export class IntelGammaDto {
  @ApiProperty({ example: 595.42 }) spot: number;
  @ApiProperty({ example: 250000000, description: 'Net dealer gamma, dollars per 1% move (calls +, puts -)' })
  net_gex: number;
  @ApiPropertyOptional({ nullable: true, type: Number, example: 590.4 }) zero_gamma_level: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, example: 600 }) call_wall: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, example: 590 }) put_wall: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, example: 596 }) max_pain: number | null;
  @ApiProperty({ enum: ['long_gamma', 'short_gamma', 'neutral'], example: 'long_gamma' }) dealer_position: string;
  @ApiProperty({ format: 'date-time', example: '2026-02-17T15:30:00.000Z' }) as_of: string;
  @ApiProperty({ example: true, description: 'Served from the 300 s GEX cache' }) cached: boolean;
}

export class IntelFlowDto {
  @ApiProperty({ example: 9100000, description: 'Bullish premium (calls bought, puts sold) minus bearish' })
  net_flow: number;
  @ApiProperty({ example: 12500000 }) call_premium: number;
  @ApiProperty({ example: 8000000 }) put_premium: number;
  @ApiPropertyOptional({ nullable: true, type: Number, example: 0.64 }) put_call_premium_ratio: number | null;
  @ApiProperty({ example: 41, description: 'Prints summarized' }) entries: number;
}

export class IntelPositionsDto {
  @ApiProperty({ example: 2, description: 'Open and closing positions on this underlying' }) open: number;
  @ApiProperty({ example: 1 }) engine_a: number;
  @ApiProperty({ example: 1 }) engine_b: number;
}

export class IntelLastSignalDto {
  @ApiProperty({ format: 'uuid' }) signal_id: string;
  @ApiPropertyOptional({ nullable: true, enum: ['long', 'short'], example: 'long' }) direction: string | null;
  @ApiProperty({ example: '5m' }) timeframe: string;
  @ApiProperty({ enum: ['pending', 'queued', 'approved', 'rejected'], example: 'approved' }) status: string;
  @ApiProperty({ format: 'date-time', example: '2026-02-17T15:30:00.000Z' }) received_at: string;
}

export class IntelUnavailableDto {
  @ApiProperty({ enum: ['price', 'gamma', 'flow', 'bias'], example: 'gamma' }) part: string;
  @ApiProperty({ example: 'market_data_unavailable' }) reason_code: string;
  @ApiProperty({ example: 'no option chain from any provider' }) detail: string;
}

export class IntelSymbolDto {
  @ApiProperty({ example: 'SPY' }) symbol: string;
  @ApiProperty({ example: true, description: 'Its options trade now (9:30-16:15 ET for index ETFs, 16:00 otherwise)' })
  options_session_open: boolean;
  @ApiPropertyOptional({ nullable: true, type: IntelPriceDto, description: 'null when no provider had a quote' })
  price: IntelPriceDto | null;
  @ApiPropertyOptional({ nullable: true, type: BiasSummaryItemDto, description: 'null before any bias event' })
  bias: BiasSummaryItemDto | null;
  @ApiPropertyOptional({ nullable: true, type: IntelGammaDto, description: 'null when no option chain was available' })
  gamma: IntelGammaDto | null;
  @ApiPropertyOptional({ nullable: true, type: IntelFlowDto, description: 'Options flow of the recent prints' })
  flow: IntelFlowDto | null;
  @ApiProperty({ type: IntelPositionsDto }) positions: IntelPositionsDto;
  @ApiPropertyOptional({ nullable: true, type: IntelLastSignalDto }) last_signal: IntelLastSignalDto | null;
  @ApiProperty({ type: [IntelUnavailableDto], description: 'The parts that could not be read, and why' })
  unavailable: IntelUnavailableDto[];
}

/** GET /intel/snapshot: the spec's "Market intelligence snapshot". */
export class IntelSnapshotDto {
  @ApiProperty({ format: 'date-time', example: '2026-02-17T15:30:00.000Z', description: 'The platform clock' })
  as_of: string;
  @ApiProperty({ type: IntelMarketDto }) market: IntelMarketDto;
  @ApiProperty({ type: [IntelSymbolDto], description: 'One entry per symbol, in the order asked (or chosen)' })
  items: IntelSymbolDto[];
}
