import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LEGACY_FLAT_EXAMPLE, LEGACY_V1_EXAMPLE, V3_TRACE_EXAMPLE } from '../../core/bias/bias.examples';
import { MACRO_CLASSES, MODE_HINTS, REGIMES } from '../../core/bias/bias.types';

export const BIAS_PAYLOAD_EXAMPLES = {
  v3: {
    summary: 'MTF_BIAS_ENGINE_V3 snapshot (the spec trace: score 72, RISK_ON, TRENDING, BREAKOUT)',
    value: V3_TRACE_EXAMPLE,
  },
  legacy_v1: { summary: 'Legacy BIAS_SNAPSHOT, V1 nested shape', value: LEGACY_V1_EXAMPLE },
  legacy_flat: { summary: 'Legacy BIAS_SNAPSHOT, flat map of timeframes (no event id)', value: LEGACY_FLAT_EXAMPLE },
};

export class BiasWebhookAcceptedDto {
  @ApiProperty({ enum: ['ACCEPTED', 'DUPLICATE', 'OUT_OF_ORDER'], example: 'ACCEPTED' })
  status: string;

  @ApiProperty({ example: 'SPY' })
  symbol: string;

  @ApiProperty({ example: 'SPY-5-1771341900000', description: 'event_id_raw, or legacy:<hash> when none was sent' })
  event_id: string;

  @ApiProperty({ enum: ['v3', 'legacy'], example: 'v3' })
  source: string;

  @ApiProperty({ example: 72, description: '-100..100, weighted across timeframes' })
  bias_score: number;

  @ApiProperty({ enum: ['bullish', 'bearish', 'neutral'], example: 'bullish' })
  direction: string;

  @ApiProperty({ example: 65 })
  confidence: number;

  @ApiProperty({ example: false })
  trade_suppressed: boolean;

  @ApiProperty({ type: [String], example: [] })
  suppression_reasons: string[];

  @ApiProperty({ format: 'date-time', example: '2026-02-17T15:25:00.000Z' })
  updated_at: string;

  @ApiPropertyOptional({ enum: ['duplicate_bias_event', 'bias_event_out_of_order'] })
  reason_code?: string;

  @ApiProperty({ format: 'uuid' })
  request_id: string;
}

export class BiasStalenessDto {
  @ApiProperty({ example: 300 })
  age_seconds: number;

  @ApiProperty({ example: false })
  stale: boolean;

  @ApiProperty({ enum: ['fresh', 'aging', 'stale'], example: 'fresh' })
  level: string;

  @ApiProperty({ enum: ['allow', 'reduce', 'block'], example: 'allow' })
  action: string;
}

export class BiasSummaryItemDto {
  @ApiProperty({ example: 'SPY' })
  symbol: string;

  @ApiProperty({ enum: ['bullish', 'bearish', 'neutral'], example: 'bullish' })
  direction: string;

  @ApiProperty({ example: 72 })
  bias_score: number;

  @ApiProperty({ example: 65 })
  confidence: number;

  @ApiProperty({ enum: REGIMES, example: 'TRENDING' })
  regime: string;

  @ApiProperty({ enum: MACRO_CLASSES, example: 'RISK_ON' })
  macro_class: string;

  @ApiProperty({ enum: MODE_HINTS, example: 'BREAKOUT' })
  mode_hint: string;

  @ApiProperty({ example: 22 })
  chop_score: number;

  @ApiProperty({ type: BiasStalenessDto })
  staleness: BiasStalenessDto;

  @ApiProperty({ example: false })
  trade_suppressed: boolean;

  @ApiProperty({ type: [String], example: [] })
  suppression_reasons: string[];

  @ApiProperty({ example: 65 })
  effective_confidence: number;

  @ApiProperty({ example: 0.8, description: 'Position-size multiplier for a long; 0 = blocked' })
  risk_multiplier_long: number;

  @ApiProperty({ example: 0, description: 'Position-size multiplier for a short; 0 = blocked' })
  risk_multiplier_short: number;

  @ApiProperty({ enum: ['v3', 'legacy'], example: 'v3' })
  source: string;

  @ApiProperty({ format: 'date-time', example: '2026-02-17T15:25:00.000Z' })
  updated_at: string;
}

export class BiasSummaryDto {
  @ApiProperty({ type: [BiasSummaryItemDto] })
  items: BiasSummaryItemDto[];

  @ApiProperty({ example: 1 })
  total: number;

  @ApiProperty({ example: 100 })
  limit: number;

  @ApiProperty({ example: 0 })
  offset: number;
}
