import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiAuth } from '../auth/auth.decorators';
import { instantOrNull, TimeRangeQueryDto, validateQuery } from '../common/http/list-query';
import { DashboardService } from './dashboard.service';
import { DashboardMetricsDto } from './dto/dashboard.dto';

@ApiTags('dashboard')
@ApiAuth()
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get('metrics')
  @ApiOperation({
    summary: 'Portfolio overview: P&L, win rate, closed trades, fills, open positions; in total and per engine',
    description:
      'The paper book (the shadow book is in /analytics). `from` (inclusive) and `to` (exclusive) select the closing ' +
      'fills behind realized_pnl, the fills counted and the positions closed (exit time) behind win_rate; ' +
      'unrealized_pnl and open_positions are always as of now. Money is a decimal string in dollars.',
  })
  @ApiResponse({ status: 200, type: DashboardMetricsDto })
  @ApiResponse({ status: 400, description: 'A bad date (reason_code validation_failed, details per field)' })
  async metrics(@Query() query: TimeRangeQueryDto): Promise<DashboardMetricsDto> {
    const q = validateQuery(TimeRangeQueryDto, query);
    return this.dashboard.metrics({ from: instantOrNull(q.from), to: instantOrNull(q.to) });
  }
}
