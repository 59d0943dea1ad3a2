import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { CLOCK } from '../common/clock';
import { AppConfig, APP_CONFIG } from '../config';
import { isBiasPayload } from '../core/bias';
import type { Clock } from '../core/clock';
import { extractBodySecret, parseAlertBody } from '../core/signal';
import { isDatabaseUnavailable } from '../webhook/database-errors';
import { verifyWebhookAuth } from '../webhook/webhook-auth';
import { BiasStateAggregator } from './bias-state.aggregator';
import { BiasPayloadError } from './errors/bias-payload.error';

export interface BiasWebhookRequest {
  /** null when the body was refused for its size (tooLargeBytes set). */
  rawBody: Buffer | null;
  tooLargeBytes: number | null;
  signatureHeader: string | null;
  /** A token from the URL, when the route has one (the trading webhook's /webhook/:token). */
  pathToken: string | null;
}

export interface BiasWebhookReply {
  httpStatus: number;
  body: Record<string, unknown>;
}

/**
 * HTTP-facing bias ingestion: `POST /api/webhooks/mtf-bias` (handleRaw) and bias payloads arriving on the trading
 * webhook `POST /webhook` (ingestPayload, after that route has authenticated the request). Replies in the trading
 * webhook's shapes: `{ status: 'ACCEPTED'|'DUPLICATE'|'OUT_OF_ORDER', symbol, bias_score, direction, trade_suppressed,
 * updated_at, ... }`, or `{ status: 'REJECTED', error, reason_code, details?, request_id }`.
 */
@Injectable()
export class BiasWebhookService {
  private readonly logger = new Logger(BiasWebhookService.name);

  constructor(
    private readonly aggregator: BiasStateAggregator,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Whether `POST /webhook` should hand this parsed payload to ingestPayload (V3, or a legacy BIAS_SNAPSHOT). */
  isBiasPayload(payload: unknown): boolean {
    return isBiasPayload(payload);
  }

  /** Size (413), JSON (400), auth (401, the trading webhook's proofs), pipeline switch (409), then ingestPayload. */
  async handleRaw(request: BiasWebhookRequest): Promise<BiasWebhookReply> {
    const requestId = randomUUID();
    const receivedAt = this.clock.now();
    const maxBytes = this.config.webhook.maxBodyBytes;
    if (request.tooLargeBytes !== null || request.rawBody === null) {
      return reject(requestId, 413, 'payload_too_large', `Payload exceeds ${maxBytes} bytes`, [
        { field: 'body', message: `at most ${maxBytes} bytes` },
      ]);
    }
    const parsed = parseAlertBody(request.rawBody.toString('utf8'));
    const payload = parsed.ok && parsed.alert.format.startsWith('json') ? parsed.alert.payload : null;
    const auth = verifyWebhookAuth(this.config.webhook.hmacSecret, {
      bodySecret: payload ? extractBodySecret(payload) : null,
      pathToken: request.pathToken,
      signatureHeader: request.signatureHeader,
      rawBody: request.rawBody,
    });
    if (!auth.ok) {
      return reject(requestId, 401, auth.reasonCode, auth.message);
    }
    if (payload === null) {
      return reject(requestId, 400, 'malformed_body', 'A bias payload must be a JSON object', [
        { field: 'body', message: parsed.ok ? 'not JSON' : (parsed.errors[0]?.message ?? 'unreadable body') },
      ]);
    }
    return this.ingestPayload(payload, receivedAt, requestId);
  }

  /** For an authenticated, parsed payload (also the trading webhook's entry point for bias payloads). */
  async ingestPayload(
    payload: Record<string, unknown>,
    receivedAt: Date,
    requestId: string = randomUUID(),
  ): Promise<BiasWebhookReply> {
    if (!this.config.mtfBias.pipelineEnabled) {
      return reject(
        requestId,
        409,
        'bias_pipeline_disabled',
        'The MTF bias pipeline is disabled (ENABLE_MTF_BIAS_PIPELINE=false); the payload was not stored',
      );
    }
    try {
      const result = await this.aggregator.ingest(payload, receivedAt);
      return {
        httpStatus: 200,
        body: {
          status: result.status,
          symbol: result.symbol,
          event_id: result.eventId,
          source: result.source,
          bias_score: result.state.biasScore,
          direction: result.state.direction,
          confidence: result.state.confidence,
          trade_suppressed: result.gating.tradeSuppressed,
          suppression_reasons: result.gating.reasons,
          updated_at: result.state.updatedAt,
          ...(result.status === 'DUPLICATE' ? { reason_code: 'duplicate_bias_event' } : {}),
          ...(result.status === 'OUT_OF_ORDER' ? { reason_code: 'bias_event_out_of_order' } : {}),
          request_id: requestId,
        },
      };
    } catch (error) {
      if (error instanceof BiasPayloadError) {
        return reject(requestId, 400, error.reasonCode, 'Invalid bias payload', error.errors);
      }
      const unavailable = isDatabaseUnavailable(error);
      this.logger.error(`bias event not stored: ${(error as Error).message}`, (error as Error).stack);
      return unavailable
        ? reject(requestId, 503, 'database_unavailable', 'Database unavailable, retry later', undefined, 'ERROR')
        : reject(requestId, 500, 'internal_error', 'Internal error', undefined, 'ERROR');
    }
  }
}

function reject(
  requestId: string,
  httpStatus: number,
  reasonCode: string,
  error: string,
  details?: { field: string; message: string }[],
  status: 'REJECTED' | 'ERROR' = 'REJECTED',
): BiasWebhookReply {
  return {
    httpStatus,
    body: { status, error, reason_code: reasonCode, ...(details ? { details } : {}), request_id: requestId },
  };
}
