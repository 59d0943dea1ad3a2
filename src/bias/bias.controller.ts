import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiError } from '../common/http/api-error';
import { BiasStateAggregator, normalizeSymbol } from './bias-state.aggregator';
import { stateView, summaryItemView } from './bias.views';
import { BiasSummaryDto } from './dto/bias.dto';
import { intParam } from '../common/http/query-params';
import { ApiAuth } from '../auth/auth.decorators';

const MAX_LIMIT = 500;

@ApiTags('bias')
@ApiAuth()
@Controller('api/bias')
export class BiasController {
  constructor(private readonly aggregator: BiasStateAggregator) {}

  @Get('summary')
  @ApiOperation({ summary: 'Bias state of every symbol, with staleness, gating and risk multipliers' })
  @ApiQuery({ name: 'limit', required: false, example: 100 })
  @ApiQuery({ name: 'offset', required: false, example: 0 })
  @ApiResponse({ status: 200, type: BiasSummaryDto })
  async summary(@Query('limit') limitParam?: string, @Query('offset') offsetParam?: string): Promise<BiasSummaryDto> {
    const limit = intParam(limitParam, 'limit', 100, 1, MAX_LIMIT);
    const offset = intParam(offsetParam, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
    const { items, total } = await this.aggregator.summary(limit, offset);
    return {
      items: items.map((i) => summaryItemView(i.state, i.gating) as unknown as BiasSummaryDto['items'][number]),
      total,
      limit,
      offset,
    };
  }

  @Get(':symbol')
  @ApiOperation({ summary: 'The full UnifiedBiasState of a symbol (snake_case), its gating and recent events' })
  @ApiParam({ name: 'symbol', example: 'SPY' })
  @ApiResponse({ status: 200, description: 'The state' })
  @ApiResponse({ status: 404, description: 'No bias event received for this symbol' })
  async getOne(@Param('symbol') symbolParam: string): Promise<Record<string, unknown>> {
    const symbol = normalizeSymbol(symbolParam);
    if (symbol === null) {
      throw new ApiError(400, 'validation_failed', 'Invalid symbol', [{ field: 'symbol', message: 'not a symbol' }]);
    }
    const entry = await this.aggregator.getStateWithGating(symbol);
    if (entry === null) {
      throw new ApiError(404, 'bias_state_not_found', `No bias state for ${symbol}`);
    }
    const recent = await this.aggregator.recentEvents(symbol, 20);
    return { ...stateView(entry.state, entry.gating), recent_events: recent };
  }
}
