import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiAuth } from '../auth/auth.decorators';
import { ApiError } from '../common/http/api-error';
import { DEFAULT_LIST_LIMIT, instantOrNull, validateQuery } from '../common/http/list-query';
import { SignalListDto, SignalListItemDto, SignalListQueryDto } from './dto/signal-list.dto';
import { SignalViewDto } from './signal-view.dto';
import { SignalRow, SignalsRepository } from './signals.repository';
import { isUuid } from '../common/http/query-params';

export function toSignalView(row: SignalRow): SignalViewDto {
  return {
    signal_id: row.signal_id,
    status: row.status,
    decision_only: row.decision_only,
    rejection_reason: row.rejection_reason,
    normalized: {
      symbol: row.symbol,
      exchange: row.exchange,
      action: row.action,
      direction: row.direction,
      timeframe: row.timeframe,
      timestamp: row.timestamp.toISOString(),
    },
    price: row.price,
    is_test: row.is_test,
    test_session_id: row.test_session_id,
    test_scenario: row.test_scenario,
    queued_until: row.queued_until ? row.queued_until.toISOString() : null,
    request_id: row.request_id,
    signal_hash: row.signal_hash,
    received_at: row.received_at.toISOString(),
    raw_payload: row.raw_payload,
  };
}

@ApiTags('signals')
@ApiAuth()
@Controller('signals')
export class SignalsController {
  constructor(private readonly signals: SignalsRepository) {}

  // Declared before `:id` so the bare collection route is matched first.
  @Get()
  @ApiOperation({
    summary: 'Signals, newest first by receipt time, filtered by status, symbol and time',
    description:
      '`from` is inclusive and `to` exclusive, on received_at. Items are the single-signal view without raw_payload ' +
      '(add include=raw for it). `total` counts every match, whatever limit and offset.',
  })
  @ApiResponse({ status: 200, type: SignalListDto })
  @ApiResponse({ status: 400, description: 'A bad parameter (reason_code validation_failed, details per field)' })
  async list(@Query() query: SignalListQueryDto): Promise<SignalListDto> {
    const q = validateQuery(SignalListQueryDto, query);
    const limit = q.limit ?? DEFAULT_LIST_LIMIT;
    const offset = q.offset ?? 0;
    const includeRaw = q.include === 'raw';
    const { rows, total } = await this.signals.list(
      {
        status: q.status,
        symbol: q.symbol,
        from: instantOrNull(q.from),
        to: instantOrNull(q.to),
        ascending: q.sort === 'received_at:asc',
        includeRaw,
      },
      limit,
      offset,
    );
    const items = rows.map((row): SignalListItemDto => {
      const { raw_payload, ...view } = toSignalView(row);
      return includeRaw ? { ...view, raw_payload } : view;
    });
    return { items, total, limit, offset };
  }

  @Get(':id')
  @ApiOperation({ summary: 'A stored signal with what was understood of it and its status' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiResponse({ status: 200, type: SignalViewDto })
  @ApiResponse({ status: 400, description: 'Not a UUID (reason_code invalid_signal_id)' })
  @ApiResponse({ status: 404, description: 'No such signal (reason_code signal_not_found)' })
  async get(@Param('id') id: string): Promise<SignalViewDto> {
    if (!isUuid(id)) {
      throw new ApiError(400, 'invalid_signal_id', 'Signal id must be a UUID', [
        { field: 'id', message: 'must be a UUID' },
      ]);
    }
    const row = await this.signals.findById(id);
    if (!row) {
      throw new ApiError(404, 'signal_not_found', `No signal ${id}`);
    }
    return toSignalView(row);
  }
}
