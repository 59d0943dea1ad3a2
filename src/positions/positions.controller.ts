import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ApiError } from '../common/http/api-error';
import { enumParam, intParam, uuidParam } from '../common/http/query-params';
import { ClosePositionDto, ClosePositionResultDto, PositionListDto } from './dto/positions.dto';
import { PositionCloser } from './position-closer.service';
import { PositionsViewRepository } from './positions-view.repository';
import { ApiAuth, RequireRole } from '../auth/auth.decorators';

const MAX_LIMIT = 500;
const ENGINES = ['A', 'B'] as const;

@ApiTags('positions')
@ApiAuth()
@Controller()
export class PositionsController {
  constructor(
    private readonly closer: PositionCloser,
    private readonly views: PositionsViewRepository,
  ) {}

  @Post('positions/:id/close')
  @RequireRole('operator')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Close a position (all of it, or `quantity` contracts)',
    description:
      'Moves the position to closing and queues its closing order, atomically: a position already closing or closed ' +
      'answers 409. The fill follows on the execution queue (in the options session).',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiBody({ type: ClosePositionDto, required: false })
  @ApiResponse({ status: 202, type: ClosePositionResultDto })
  @ApiResponse({ status: 400, description: 'invalid_position_id, validation_failed' })
  @ApiResponse({ status: 404, description: 'position_not_found' })
  @ApiResponse({ status: 409, description: 'position_not_open (already closing or closed)' })
  @ApiResponse({ status: 422, description: 'quantity_exceeds_position' })
  async close(@Param('id') id: string, @Body() body: unknown): Promise<ClosePositionResultDto> {
    uuidParam(id, 'id', 'invalid_position_id');
    const dto = plainToInstance(ClosePositionDto, body ?? {});
    const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) {
      throw new ApiError(
        400,
        'validation_failed',
        'Invalid close request',
        errors.map((e) => ({ field: e.property, message: Object.values(e.constraints ?? {}).join('; ') })),
      );
    }
    const outcome = await this.closer.requestClose(id, { reason: dto.reason ?? 'manual', quantity: dto.quantity });
    switch (outcome.kind) {
      case 'not_found':
        throw new ApiError(404, 'position_not_found', `No position ${id}`);
      case 'not_open':
        throw new ApiError(409, 'position_not_open', `Position ${id} is ${outcome.status}`);
      case 'invalid_quantity':
        throw new ApiError(422, 'quantity_exceeds_position', `The position holds ${outcome.held} contracts`, [
          { field: 'quantity', message: `must be at most ${outcome.held}` },
        ]);
      case 'closing':
        return { position_id: id, order_id: outcome.orderId, quantity: outcome.quantity, status: 'closing' };
    }
  }

  @Get('orders/positions')
  @ApiOperation({ summary: 'Open and closing positions, newest first' })
  @ApiQuery({ name: 'symbol', required: false })
  @ApiQuery({ name: 'engine', required: false, enum: ENGINES })
  @ApiQuery({ name: 'limit', required: false, example: 100 })
  @ApiQuery({ name: 'offset', required: false, example: 0 })
  @ApiResponse({ status: 200, type: PositionListDto })
  async open(
    @Query('symbol') symbol?: string,
    @Query('engine') engine?: string,
    @Query('limit') limit?: string,
    @Query('offset') offset?: string,
  ): Promise<PositionListDto> {
    return this.list(false, symbol, engine, limit, offset);
  }

  @Get('history/positions')
  @ApiOperation({ summary: 'Closed positions with realized P&L and exit reason, most recently closed first' })
  @ApiQuery({ name: 'symbol', required: false })
  @ApiQuery({ name: 'engine', required: false, enum: ENGINES })
  @ApiQuery({ name: 'limit', required: false, example: 100 })
  @ApiQuery({ name: 'offset', required: false, example: 0 })
  @ApiResponse({ status: 200, type: PositionListDto })
  async history(
    @Query('symbol') symbol?: string,
    @Query('engine') engine?: string,
    @Query('limit') limit?: string,
    @Query('offset') offset?: string,
  ): Promise<PositionListDto> {
    return this.list(true, symbol, engine, limit, offset);
  }

  private async list(
    closed: boolean,
    symbol: string | undefined,
    engine: string | undefined,
    limitParam: string | undefined,
    offsetParam: string | undefined,
  ): Promise<PositionListDto> {
    const limit = intParam(limitParam, 'limit', 100, 1, MAX_LIMIT);
    const offset = intParam(offsetParam, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
    const filter = { closed, symbol: symbol || undefined, engine: enumParam(engine, 'engine', ENGINES) };
    const { items, total } = await this.views.list(filter, limit, offset);
    return { items, total, limit, offset };
  }
}
