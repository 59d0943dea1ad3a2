import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class StrikeGexDto {
  @ApiProperty({ example: 600 }) strike: number;
  @ApiProperty({ example: 152000000, description: 'Dollar gamma per 1% move from calls (>= 0)' }) call_gex: number;
  @ApiProperty({ example: -98000000, description: 'Dollar gamma per 1% move from puts (<= 0)' }) put_gex: number;
  @ApiProperty({ example: 54000000 }) net_gex: number;
  @ApiProperty({ example: 41000 }) call_oi: number;
  @ApiProperty({ example: 38000 }) put_oi: number;
}

export class GexDto {
  @ApiProperty({ example: 'SPY' }) symbol: string;
  @ApiProperty({ example: 600.12 }) spot: number;
  @ApiProperty({ example: 250000000, description: 'Net dealer gamma, dollars per 1% move (calls +, puts -)' })
  net_gex: number;
  @ApiProperty({ example: 1900000000 }) gross_gex: number;
  @ApiPropertyOptional({ example: 590.4, nullable: true, type: Number }) zero_gamma_level: number | null;
  @ApiPropertyOptional({ example: 610, nullable: true, type: Number }) call_wall: number | null;
  @ApiPropertyOptional({ example: 580, nullable: true, type: Number }) put_wall: number | null;
  @ApiPropertyOptional({ example: 598, nullable: true, type: Number }) max_pain: number | null;
  @ApiPropertyOptional({ example: '2026-02-20', nullable: true, type: String }) max_pain_expiration: string | null;
  @ApiProperty({ enum: ['long_gamma', 'short_gamma', 'neutral'], example: 'long_gamma' }) dealer_position: string;
  @ApiProperty({ example: 812 }) contracts_used: number;
  @ApiProperty({ example: '2026-02-17T15:30:00.000Z' }) as_of: string;
  @ApiProperty({ example: false, description: 'Served from the 300 s cache (gex:{symbol}:{date})' }) cached: boolean;
}

export class GammaDto extends GexDto {
  @ApiProperty({ type: [StrikeGexDto] }) per_strike: StrikeGexDto[];
}

export class FlowSummaryDto {
  @ApiProperty({ example: 12500000 }) call_premium: number;
  @ApiProperty({ example: 8000000 }) put_premium: number;
  @ApiProperty({ example: 9100000, description: 'Bullish premium (calls bought, puts sold) minus bearish' })
  net_flow: number;
  @ApiProperty({ example: 31 }) call_count: number;
  @ApiProperty({ example: 19 }) put_count: number;
  @ApiPropertyOptional({ example: 0.64, nullable: true, type: Number }) put_call_premium_ratio: number | null;
  @ApiProperty({ example: 50 }) entries: number;
}

export class PositioningDto {
  @ApiProperty({ example: 'SPY' }) symbol: string;
  @ApiProperty({ type: GexDto }) gex: GexDto;
  @ApiProperty({ type: FlowSummaryDto }) flow: FlowSummaryDto;
  @ApiPropertyOptional({ example: 598, nullable: true, type: Number }) max_pain: number | null;
}
