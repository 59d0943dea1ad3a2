import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiError } from '../common/http/api-error';
import type { FlowSummary } from '../core/flow';
import type { GexResult } from '../core/gex';
import { FlowSummaryDto, GammaDto, GexDto, PositioningDto } from './dto/positioning.dto';
import { PositioningService } from './positioning.service';
import { ApiAuth } from '../auth/auth.decorators';

const SYMBOL = /^[A-Z][A-Z0-9.]{0,9}$/;

function symbolOf(raw: string): string {
  const symbol = raw.trim().toUpperCase();
  if (!SYMBOL.test(symbol)) {
    throw new ApiError(400, 'invalid_symbol', 'Invalid symbol', [{ field: 'symbol', message: 'a ticker such as SPY' }]);
  }
  return symbol;
}

function gexView(symbol: string, gex: GexResult, cached: boolean): GexDto {
  return {
    symbol,
    spot: gex.spot,
    net_gex: gex.netGex,
    gross_gex: gex.grossGex,
    zero_gamma_level: gex.zeroGammaLevel,
    call_wall: gex.callWall,
    put_wall: gex.putWall,
    max_pain: gex.maxPain,
    max_pain_expiration: gex.maxPainExpiration,
    dealer_position: gex.dealerPosition,
    contracts_used: gex.contractsUsed,
    as_of: new Date(gex.asOf).toISOString(),
    cached,
  };
}

function flowView(flow: FlowSummary): FlowSummaryDto {
  return {
    call_premium: flow.callPremium,
    put_premium: flow.putPremium,
    net_flow: flow.netFlow,
    call_count: flow.callCount,
    put_count: flow.putCount,
    put_call_premium_ratio: flow.putCallPremiumRatio,
    entries: flow.entries,
  };
}

@ApiTags('positioning')
@ApiAuth()
@Controller()
export class PositioningController {
  constructor(private readonly positioning: PositioningService) {}

  private async gexOf(symbol: string): Promise<{ gex: GexResult; cached: boolean }> {
    const result = await this.positioning.gex(symbol);
    if (!result.ok) {
      throw new ApiError(503, result.reasonCode, `No option chain for ${symbol}: ${result.detail}`);
    }
    return { gex: result.value, cached: result.cached };
  }

  @Get('gamma/:symbol')
  @ApiOperation({ summary: 'Dealer gamma exposure (GEX) by strike, zero-gamma level, walls, max pain' })
  @ApiParam({ name: 'symbol', example: 'SPY' })
  @ApiResponse({ status: 200, type: GammaDto })
  @ApiResponse({ status: 503, description: 'No chain from any provider (reason_code market_data_unavailable)' })
  async gamma(@Param('symbol') raw: string): Promise<GammaDto> {
    const symbol = symbolOf(raw);
    const { gex, cached } = await this.gexOf(symbol);
    return {
      ...gexView(symbol, gex, cached),
      per_strike: gex.perStrike.map((s) => ({
        strike: s.strike,
        call_gex: s.callGex,
        put_gex: s.putGex,
        net_gex: s.netGex,
        call_oi: s.callOi,
        put_oi: s.putOi,
      })),
    };
  }

  @Get('positioning/:symbol')
  @ApiOperation({ summary: 'Positioning: GEX, options flow and max pain' })
  @ApiParam({ name: 'symbol', example: 'SPY' })
  @ApiResponse({ status: 200, type: PositioningDto })
  @ApiResponse({ status: 503, description: 'No chain from any provider (reason_code market_data_unavailable)' })
  async positioningOf(@Param('symbol') raw: string): Promise<PositioningDto> {
    const symbol = symbolOf(raw);
    const [{ gex, cached }, flow] = await Promise.all([this.gexOf(symbol), this.positioning.flow(symbol)]);
    return { symbol, gex: gexView(symbol, gex, cached), flow: flowView(flow), max_pain: gex.maxPain };
  }
}
