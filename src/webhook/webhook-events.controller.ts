import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiAuth } from '../auth/auth.decorators';
import { DEFAULT_LIST_LIMIT, instantOrNull, validateQuery } from '../common/http/list-query';
import { REJECTED_EVENT_STATUSES, WebhookEventListDto, WebhookEventListQueryDto } from './dto/webhook-events.dto';
import { WebhookEventsRepository } from './webhook-events.repository';

/** The signal log (spec section 12): every webhook request and what became of it. */
@ApiTags('webhook')
@ApiAuth()
@Controller('webhook-events')
export class WebhookEventsController {
  constructor(private readonly events: WebhookEventsRepository) {}

  @Get()
  @ApiOperation({
    summary: 'The signal log: webhook requests, newest first, filtered by status, symbol and time',
    description:
      'One row per POST /webhook: request_id (the trace id), status, reason code, symbol, direction, timeframe, ' +
      'processing_time_ms. status=rejected selects invalid_signature, invalid_payload and forbidden. `from` is ' +
      'inclusive and `to` exclusive, on created_at. `total` counts every match, whatever limit and offset.',
  })
  @ApiResponse({ status: 200, type: WebhookEventListDto })
  @ApiResponse({ status: 400, description: 'A bad parameter (reason_code validation_failed, details per field)' })
  async list(@Query() query: WebhookEventListQueryDto): Promise<WebhookEventListDto> {
    const q = validateQuery(WebhookEventListQueryDto, query);
    const limit = q.limit ?? DEFAULT_LIST_LIMIT;
    const offset = q.offset ?? 0;
    const statuses = q.status === undefined ? [] : q.status === 'rejected' ? REJECTED_EVENT_STATUSES : [q.status];
    const { items, total } = await this.events.list(
      {
        statuses,
        symbol: q.symbol,
        from: instantOrNull(q.from),
        to: instantOrNull(q.to),
        ascending: q.sort === 'created_at:asc',
        includeRaw: q.include === 'raw',
      },
      limit,
      offset,
    );
    return { items, total, limit, offset };
  }
}
