import { Controller, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { readRawBody } from '../common/http/raw-body';
import { CLOCK } from '../common/clock';
import type { Clock } from '../core/clock';
import { AppConfig, APP_CONFIG } from '../config';
import { WEBHOOK_JSON_EXAMPLES, WEBHOOK_TEXT_EXAMPLES } from './dto/webhook-examples';
import { WebhookAcceptedDto, WebhookRejectedDto, WebhookTestDto } from './dto/webhook-response.dto';
import { WebhookService } from './webhook.service';
import { Public } from '../auth/auth.decorators';

const BODY_DOC = {
  description:
    'A TradingView alert. JSON (sent as application/json, or as text/plain), key=value text, pipe-separated text, ' +
    'PineConnector-style lists, or plain text. See docs/webhook-formats.md.',
  schema: { type: 'object', additionalProperties: true },
  examples: WEBHOOK_JSON_EXAMPLES,
} as const;

const RESPONSES = [
  {
    status: 200,
    description: 'ACCEPTED, or DUPLICATE of a signal received inside the dedup window',
    type: WebhookAcceptedDto,
  },
  { status: 400, description: 'The alert could not be read: field errors and a reason code', type: WebhookRejectedDto },
  { status: 401, description: 'A webhook secret is configured and was not proven', type: WebhookRejectedDto },
  { status: 403, description: 'Source address not on TRADINGVIEW_IP_ALLOWLIST', type: WebhookRejectedDto },
  { status: 413, description: 'Body larger than WEBHOOK_MAX_BODY_BYTES (128 KB)', type: WebhookRejectedDto },
  { status: 429, description: 'Over WEBHOOK_RATE_LIMIT_PER_MINUTE (off by default)', type: WebhookRejectedDto },
  { status: 503, description: 'Database unavailable: retry (TradingView retries 5xx)', type: WebhookRejectedDto },
];

function header(req: Request, name: string): string | null {
  const value = req.headers[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

@ApiTags('webhook')
@Public()
@Controller('webhook')
export class WebhookController {
  constructor(
    private readonly webhooks: WebhookService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('test')
  @ApiOperation({ summary: 'Webhook reachability check' })
  @ApiResponse({ status: 200, type: WebhookTestDto })
  test(): WebhookTestDto {
    return {
      status: 'ok',
      timestamp: this.clock.now().toISOString(),
      auth_required: this.config.webhook.hmacSecret !== null,
      max_body_bytes: this.config.webhook.maxBodyBytes,
    };
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Receive a trading alert', description: 'Auth: body "secret", or X-Webhook-Signature.' })
  @ApiConsumes('application/json', 'text/plain')
  @ApiBody(BODY_DOC)
  @ApiResponse(RESPONSES[0])
  @ApiResponse(RESPONSES[1])
  @ApiResponse(RESPONSES[2])
  @ApiResponse(RESPONSES[3])
  @ApiResponse(RESPONSES[4])
  @ApiResponse(RESPONSES[5])
  @ApiResponse(RESPONSES[6])
  async receive(@Req() req: Request, @Res() res: Response): Promise<void> {
    await this.handle(req, res, null);
  }

  @Post(':token')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Receive a trading alert (secret in the URL)',
    description: `TradingView cannot set headers: put the webhook secret in the URL. Text examples: ${Object.values(
      WEBHOOK_TEXT_EXAMPLES,
    )
      .map((e) => `"${e.value}"`)
      .join(', ')}`,
  })
  @ApiParam({ name: 'token', description: 'The webhook secret (HMAC_SECRET)' })
  @ApiConsumes('application/json', 'text/plain')
  @ApiBody(BODY_DOC)
  @ApiResponse(RESPONSES[0])
  @ApiResponse(RESPONSES[1])
  @ApiResponse(RESPONSES[2])
  @ApiResponse(RESPONSES[3])
  @ApiResponse(RESPONSES[4])
  @ApiResponse(RESPONSES[5])
  @ApiResponse(RESPONSES[6])
  async receiveWithToken(@Param('token') token: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.handle(req, res, token);
  }

  private async handle(req: Request, res: Response, token: string | null): Promise<void> {
    const startedAt = process.hrtime.bigint();
    const body = await readRawBody(req, this.config.webhook.maxBodyBytes);
    if (!body.ok && body.reason === 'aborted') {
      return;
    }
    const reply = await this.webhooks.ingest({
      rawBody: body.ok ? body.body : null,
      tooLargeBytes: body.ok ? null : body.bytes,
      pathToken: token,
      signatureHeader: header(req, 'x-webhook-signature'),
      contentType: header(req, 'content-type'),
      clientIp: req.ip ?? null,
      startedAt,
      requestId: typeof req.headers['x-request-id'] === 'string' ? req.headers['x-request-id'] : undefined,
    });
    if (reply.httpStatus === 413) {
      res.setHeader('Connection', 'close');
    }
    res.setHeader('X-Request-Id', String(reply.body.request_id));
    res.status(reply.httpStatus).json(reply.body);
  }
}
