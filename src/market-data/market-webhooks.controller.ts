import { randomUUID } from 'node:crypto';
import { Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import type { Request, Response } from 'express';
import { ApiError, ApiFieldError } from '../common/http/api-error';
import { readRawBody } from '../common/http/raw-body';
import { AppConfig, APP_CONFIG } from '../config';
import { verifyWebhookAuth } from '../webhook/webhook-auth';
import { CHAIN_EXAMPLES, FLOW_EXAMPLES, PRICE_EXAMPLES } from './dto/market-webhook-examples';
import { MarketWebhookErrorDto, MarketWebhookStoredDto } from './dto/market-webhook-response.dto';
import { ChainWebhookDto, FlowWebhookDto, PriceWebhookDto } from './dto/market-webhook.dto';
import { IngestResult, MarketWebhooksService } from './market-webhooks.service';
import { DomainEvents } from '../common/events/domain-events';
import { Public } from '../auth/auth.decorators';

const AUTH =
  'Requires HMAC_SECRET on the server and `X-Webhook-Signature: sha256=<hex HMAC-SHA256 of the raw body, keyed ' +
  'with HMAC_SECRET>`. These routes feed prices that move money: without HMAC_SECRET they answer 401 ' +
  '`webhook_secret_not_configured`. Body at most WEBHOOK_MAX_BODY_BYTES (128 KB).';

const ERRORS = [
  { status: 400, description: 'Not JSON, or field errors (reason_code validation_failed, details)' },
  {
    status: 401,
    description: 'missing_credentials, invalid_signature, or webhook_secret_not_configured (no HMAC_SECRET)',
  },
  { status: 413, description: 'Body larger than WEBHOOK_MAX_BODY_BYTES' },
  { status: 503, description: 'Redis unavailable: retry' },
];

function ApiErrors(): MethodDecorator {
  return (target, key, descriptor) => {
    for (const error of ERRORS) {
      ApiResponse({ ...error, type: MarketWebhookErrorDto })(target, key, descriptor);
    }
  };
}

function header(req: Request, name: string): string | null {
  const value = req.headers[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

/** `a.b.0.c: message` paths for nested class-validator errors. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): ApiFieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/**
 * Market data pushed by integrators (spec section 3): prices, option chain snapshots and option flow, stored in
 * Redis for the webhook provider, GEX and positioning. Signed with HMAC-SHA256; see docs/market-data.md.
 */
@ApiTags('market data webhooks')
@ApiSecurity('webhook-signature')
@Public()
@Controller('api/webhooks')
export class MarketWebhooksController {
  constructor(
    private readonly ingest: MarketWebhooksService,
    private readonly events: DomainEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('price')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Push the latest price of a symbol',
    description: `Stored as price:{symbol} (60 s). ${AUTH}`,
  })
  @ApiBody({ type: PriceWebhookDto, examples: PRICE_EXAMPLES })
  @ApiResponse({ status: 200, description: 'Stored', type: MarketWebhookStoredDto })
  @ApiErrors()
  async price(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<MarketWebhookStoredDto> {
    const requestId = this.requestId(req, res);
    const dto = await this.readSigned(req, res, PriceWebhookDto);
    const result = await this.ingest.ingestPrice(dto);
    this.events.emit('market.updated', { symbol: result.symbol, kind: 'price' });
    return reply(result, requestId);
  }

  @Post('chain')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Push an option chain snapshot',
    description: `Stored as chain:{symbol}:{New York date} (300 s); replaces the previous snapshot. ${AUTH}`,
  })
  @ApiBody({ type: ChainWebhookDto, examples: CHAIN_EXAMPLES })
  @ApiResponse({ status: 200, description: 'Stored', type: MarketWebhookStoredDto })
  @ApiErrors()
  async chain(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<MarketWebhookStoredDto> {
    const requestId = this.requestId(req, res);
    const dto = await this.readSigned(req, res, ChainWebhookDto);
    const result = await this.ingest.ingestChain(dto);
    // Option marks live in the chain: positions on this underlying are marked and their exits evaluated.
    this.events.emit('market.updated', { symbol: result.symbol, kind: 'chain' });
    return reply(result, requestId);
  }

  @Post('flow')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Push option flow (trades)',
    description:
      'Added to the sorted set flow:{symbol}:{New York date}, scored by trade time in ms, trimmed to the newest ' +
      `5000 entries, kept 2 days. A batch sent twice is stored once. ${AUTH}`,
  })
  @ApiBody({ type: FlowWebhookDto, examples: FLOW_EXAMPLES })
  @ApiResponse({ status: 200, description: 'Stored', type: MarketWebhookStoredDto })
  @ApiErrors()
  async flow(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<MarketWebhookStoredDto> {
    const requestId = this.requestId(req, res);
    const dto = await this.readSigned(req, res, FlowWebhookDto);
    return reply(await this.ingest.ingestFlow(dto), requestId);
  }

  private requestId(req: Request, res: Response): string {
    const given = header(req, 'x-request-id');
    const requestId = given && given.length <= 100 ? given : randomUUID();
    // The error filter reads the same header, so errors and successes carry one id.
    req.headers['x-request-id'] = requestId;
    res.setHeader('X-Request-Id', requestId);
    return requestId;
  }

  /** Size, then signature, then JSON, then the DTO: the order of the spec's validation (section 3). */
  private async readSigned<T extends object>(req: Request, res: Response, type: ClassConstructor<T>): Promise<T> {
    const limit = this.config.webhook.maxBodyBytes;
    const body = await readRawBody(req, limit);
    if (!body.ok) {
      if (body.reason === 'too_large') {
        res.setHeader('Connection', 'close');
        throw new ApiError(413, 'payload_too_large', `Body is larger than ${limit} bytes`);
      }
      throw new ApiError(400, 'malformed_body', 'The request body could not be read');
    }
    const secret = this.config.webhook.hmacSecret;
    if (!secret) {
      throw new ApiError(
        401,
        'webhook_secret_not_configured',
        'Market data webhooks need HMAC_SECRET on the server: they are refused until it is set',
      );
    }
    const signature = header(req, 'x-webhook-signature');
    if (signature === null) {
      throw new ApiError(
        401,
        'missing_credentials',
        'Sign the raw body: X-Webhook-Signature: sha256=<hex HMAC-SHA256 keyed with HMAC_SECRET>',
      );
    }
    const auth = verifyWebhookAuth(secret, {
      bodySecret: null,
      pathToken: null,
      signatureHeader: signature,
      rawBody: body.body,
    });
    if (!auth.ok) {
      throw new ApiError(401, auth.reasonCode, auth.message);
    }
    let json: unknown;
    try {
      json = JSON.parse(body.body.toString('utf8'));
    } catch {
      throw new ApiError(400, 'malformed_body', 'The body is not valid JSON');
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      throw new ApiError(400, 'invalid_payload', 'The body must be a JSON object');
    }
    const dto = plainToInstance(type, json);
    const errors = await validate(dto, { whitelist: true, forbidUnknownValues: true });
    if (errors.length > 0) {
      throw new ApiError(400, 'validation_failed', 'Invalid payload', flattenValidationErrors(errors));
    }
    return dto;
  }
}

function reply(result: IngestResult, requestId: string): MarketWebhookStoredDto {
  return {
    status: 'stored',
    symbol: result.symbol,
    stored: result.stored,
    timestamp: result.timestamp.toISOString(),
    expires_in_seconds: result.expiresInSeconds,
    request_id: requestId,
  };
}
