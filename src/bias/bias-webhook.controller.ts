import { Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { readRawBody } from '../common/http/raw-body';
import { AppConfig, APP_CONFIG } from '../config';
import { BiasWebhookService } from './bias-webhook.service';
import { BIAS_PAYLOAD_EXAMPLES, BiasWebhookAcceptedDto } from './dto/bias.dto';
import { Public } from '../auth/auth.decorators';

function header(req: Request, name: string): string | null {
  const value = req.headers[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

@ApiTags('bias')
@Public()
@Controller('api/webhooks')
export class BiasWebhookController {
  constructor(
    private readonly webhook: BiasWebhookService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('mtf-bias')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Receive a multi-timeframe bias event (V3 or legacy BIAS_SNAPSHOT)',
    description:
      "MTF_BIAS_ENGINE_V3 events and legacy BIAS_SNAPSHOT payloads (translated into V3) update the symbol's " +
      'UnifiedBiasState. Auth when HMAC_SECRET is set: body "secret" or X-Webhook-Signature: sha256=<hmac>. ' +
      'Idempotent on event_id_raw. See docs/mtf-bias.md.',
  })
  @ApiConsumes('application/json', 'text/plain')
  @ApiBody({ schema: { type: 'object', additionalProperties: true }, examples: BIAS_PAYLOAD_EXAMPLES })
  @ApiResponse({
    status: 200,
    description: 'ACCEPTED, DUPLICATE (event id seen) or OUT_OF_ORDER (older than the state)',
    type: BiasWebhookAcceptedDto,
  })
  @ApiResponse({ status: 400, description: 'Not JSON, not a bias payload, or invalid fields (details)' })
  @ApiResponse({ status: 401, description: 'A webhook secret is configured and was not proven' })
  @ApiResponse({ status: 409, description: 'bias_pipeline_disabled: ENABLE_MTF_BIAS_PIPELINE=false' })
  @ApiResponse({ status: 413, description: 'Body larger than WEBHOOK_MAX_BODY_BYTES (128 KB)' })
  @ApiResponse({ status: 503, description: 'Database unavailable: retry' })
  async receive(@Req() req: Request, @Res() res: Response): Promise<void> {
    const body = await readRawBody(req, this.config.webhook.maxBodyBytes);
    if (!body.ok && body.reason === 'aborted') {
      return;
    }
    const reply = await this.webhook.handleRaw({
      rawBody: body.ok ? body.body : null,
      tooLargeBytes: body.ok ? null : body.bytes,
      signatureHeader: header(req, 'x-webhook-signature'),
      pathToken: null,
    });
    if (reply.httpStatus === 413) {
      res.setHeader('Connection', 'close');
    }
    res.setHeader('X-Request-Id', String(reply.body.request_id));
    res.status(reply.httpStatus).json(reply.body);
  }
}
