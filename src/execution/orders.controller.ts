import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { intParam } from '../common/http/query-params';
import { OrderListDto, OrderViewDto, TradeListDto, TradeViewDto } from './dto/orders.dto';
import { ApiAuth } from '../auth/auth.decorators';

const MAX_LIMIT = 500;

type Dated<T, K extends keyof T> = Omit<T, K> & { [P in K]: Date } & { total: number };

@ApiTags('orders')
@ApiAuth()
@Controller('orders')
export class OrdersController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get('active')
  @ApiOperation({ summary: 'Orders waiting for a fill (pending_execution), newest first' })
  @ApiQuery({ name: 'limit', required: false, example: 100 })
  @ApiQuery({ name: 'offset', required: false, example: 0 })
  @ApiResponse({ status: 200, type: OrderListDto })
  async active(@Query('limit') limitParam?: string, @Query('offset') offsetParam?: string): Promise<OrderListDto> {
    const limit = intParam(limitParam, 'limit', 100, 1, MAX_LIMIT);
    const offset = intParam(offsetParam, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
    const rows = await this.dataSource.query<Dated<OrderViewDto, 'created_at'>[]>(
      `SELECT order_id, signal_id, position_id, intent, symbol, option_symbol, quantity, status, engine, decision_mid,
              exit_reason, failure_reason, created_at, COUNT(*) OVER ()::int AS total
         FROM orders WHERE status = 'pending_execution'
        ORDER BY created_at DESC, order_id LIMIT $1 OFFSET $2`,
      [limit, offset],
    );
    return {
      items: rows.map(({ total: _total, ...row }) => ({ ...row, created_at: row.created_at.toISOString() })),
      total: rows[0]?.total ?? 0,
      limit,
      offset,
    };
  }

  @Get('trades')
  @ApiOperation({ summary: 'Paper fills, newest first, with costs, quotes and slippage' })
  @ApiQuery({ name: 'limit', required: false, example: 100 })
  @ApiQuery({ name: 'offset', required: false, example: 0 })
  @ApiResponse({ status: 200, type: TradeListDto })
  async trades(@Query('limit') limitParam?: string, @Query('offset') offsetParam?: string): Promise<TradeListDto> {
    const limit = intParam(limitParam, 'limit', 100, 1, MAX_LIMIT);
    const offset = intParam(offsetParam, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
    const rows = await this.dataSource.query<Dated<TradeViewDto, 'fill_timestamp'>[]>(
      `SELECT t.trade_id, t.order_id, t.position_id, t.intent, o.symbol, o.option_symbol, t.fill_price, t.fill_quantity,
              t.fill_timestamp, t.commission, t.fees, t.quote_mid, t.decision_mid, t.slippage, t.realized_pnl,
              t.fill_model, t.engine, COUNT(*) OVER ()::int AS total
         FROM trades t JOIN orders o ON o.order_id = t.order_id
        ORDER BY t.fill_timestamp DESC, t.trade_id LIMIT $1 OFFSET $2`,
      [limit, offset],
    );
    return {
      items: rows.map(({ total: _total, ...row }) => ({ ...row, fill_timestamp: row.fill_timestamp.toISOString() })),
      total: rows[0]?.total ?? 0,
      limit,
      offset,
    };
  }
}
