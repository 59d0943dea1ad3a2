import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Portfolio figures of the paper book (all engines, or one). Money is a decimal string in dollars. */
export class PortfolioMetricsDto {
  @ApiProperty({
    example: '1584.00',
    description: 'Realized P&L of closing fills in the window (partial exits included), net of their costs',
  })
  realized_pnl: string;

  @ApiProperty({ example: '-212.00', description: 'Unrealized P&L of the open and closing positions, now' })
  unrealized_pnl: string;

  @ApiProperty({ example: '1372.00', description: 'realized_pnl + unrealized_pnl' })
  total_pnl: string;

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    example: 66.67,
    description: 'wins / closed_trades x 100, 2 decimals (scratches count as trades); null without closed trades',
  })
  win_rate: number | null;

  @ApiProperty({ example: 2, description: 'Closed positions with realized P&L > 0' }) wins: number;
  @ApiProperty({ example: 1, description: 'Closed positions with realized P&L < 0' }) losses: number;
  @ApiProperty({ example: 0, description: 'Closed positions with realized P&L = 0' }) scratches: number;

  @ApiProperty({ example: 3, description: 'Positions closed in the window (exit_timestamp)' })
  closed_trades: number;

  @ApiProperty({ example: 7, description: 'Fills (opening and closing) in the window (fill_timestamp)' })
  fills: number;

  @ApiProperty({ example: 1, description: 'Open and closing positions now' })
  open_positions: number;
}

export class EngineMetricsDto extends PortfolioMetricsDto {}

export class EngineMetricsByEngineDto {
  @ApiProperty({ type: EngineMetricsDto }) A: EngineMetricsDto;
  @ApiProperty({ type: EngineMetricsDto }) B: EngineMetricsDto;
}

/** GET /dashboard/metrics: the spec's Portfolio Overview (total P&L, win rate, total trades, active positions). */
export class DashboardMetricsDto extends PortfolioMetricsDto {
  @ApiProperty({ format: 'date-time', example: '2026-02-17T15:30:00.000Z', description: 'The platform clock' })
  as_of: string;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time', example: null })
  from: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time', example: null })
  to: string | null;

  @ApiProperty({ type: EngineMetricsByEngineDto, description: 'The same figures per engine' })
  engines: EngineMetricsByEngineDto;
}
