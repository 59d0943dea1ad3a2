import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApiError } from '../common/http/api-error';
import { uuidParam } from '../common/http/query-params';
import { ApiAuth } from '../auth/auth.decorators';

type Row = Record<string, unknown>;

/** Everything one webhook call led to, found by its trace id (the request id the reply and the log lines carry). */
@ApiTags('signals')
@ApiAuth()
@Controller('traces')
export class TracesController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get(':id')
  @ApiOperation({
    summary: 'The signal, orders, trades and positions of one trace id',
    description:
      'The trace id is the webhook request id (`request_id` in the webhook reply, the `X-Request-Id` header, every ' +
      'log line of the request and of the jobs it started); orders, trades and positions carry it as `trace_id`.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ description: '{ trace_id, signals, orders, trades, positions }' })
  @ApiResponse({ status: 400, description: 'invalid_trace_id' })
  @ApiResponse({ status: 404, description: 'trace_not_found' })
  async get(@Param('id') id: string): Promise<Record<string, unknown>> {
    uuidParam(id, 'id', 'invalid_trace_id');
    const q = (sql: string) => this.dataSource.query<Row[]>(sql, [id]);
    const [signals, orders, trades, positions] = await Promise.all([
      q(`SELECT signal_id, symbol, action, direction, timeframe, status, rejection_reason, decision_only, received_at
           FROM signals WHERE request_id = $1`),
      q(`SELECT order_id, signal_id, position_id, intent, option_symbol, quantity, status, engine, exit_reason,
                failure_reason, created_at
           FROM orders WHERE trace_id = $1 ORDER BY created_at`),
      q(`SELECT trade_id, order_id, position_id, intent, fill_price, fill_quantity, fill_timestamp, realized_pnl
           FROM trades WHERE trace_id = $1 ORDER BY fill_timestamp`),
      q(`SELECT position_id, option_symbol, quantity, entry_price, current_price, realized_pnl, status, exit_reason,
                entry_timestamp, exit_timestamp
           FROM positions WHERE trace_id = $1 ORDER BY entry_timestamp`),
    ]);
    if (signals.length + orders.length + trades.length + positions.length === 0) {
      throw new ApiError(404, 'trace_not_found', `Nothing carries trace id ${id}`);
    }
    return { trace_id: id, signals, orders, trades, positions };
  }
}
