import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from '../config';
import { BiasWebhookService } from '../bias/bias-webhook.service';
import { CLOCK } from '../common/clock';
import { DomainEvents } from '../common/events/domain-events';
import type { Clock } from '../core/clock';
import {
  dedupKey,
  extractBodySecret,
  normalizeAlert,
  parseAlertBody,
  redactSecrets,
  redactSecretsInText,
  signalHash,
} from '../core/signal';
import type { FieldError, NormalizedSignal, ParsedAlert } from '../core/signal/signal.types';
import { JobName, QueueService } from '../queues';
import { withTimeout } from '../common/async/with-timeout';
import { toJsonb } from '../common/db/pg-safe';
import { buildIpAllowlist } from './ip-allowlist';
import { WebhookRateLimiter } from './webhook-rate-limit';
import { verifyWebhookAuth } from './webhook-auth';
import { WebhookRepository } from './webhook.repository';
import { PersistOutcome, WebhookEventRecord, WebhookEventStatus } from './webhook.types';
import { isDatabaseUnavailable } from './database-errors';

export interface WebhookRequest {
  rawBody: Buffer | null;
  /** Set when the body was refused for its size before being read. */
  tooLargeBytes: number | null;
  pathToken: string | null;
  signatureHeader: string | null;
  contentType: string | null;
  clientIp: string | null;
  startedAt: bigint;
  /** The HTTP request's id (a UUID): stored as signals.request_id, the trace id of everything the signal starts. */
  requestId?: string;
}

export interface NormalizedView {
  symbol: string;
  exchange: string | null;
  action: string;
  direction: string | null;
  timeframe: string;
  timestamp: string;
}

export interface WebhookReply {
  httpStatus: number;
  body: Record<string, unknown>;
}

/** A rejection before anything is stored: answered with a reason code and logged in webhook_events. */
interface Rejection {
  httpStatus: number;
  status: WebhookEventStatus;
  reasonCode: string;
  error: string;
  details?: FieldError[];
}

export function toNormalizedView(signal: NormalizedSignal): NormalizedView {
  return {
    symbol: signal.symbol,
    exchange: signal.exchange,
    action: signal.action,
    direction: signal.direction,
    timeframe: signal.timeframe,
    timestamp: signal.timestamp.toISOString(),
  };
}

/** Ingestion: authenticate, parse, normalize, dedup, store signal + event in one transaction, enqueue after commit. */
@Injectable()
export class WebhookService {
  private readonly logger = new Logger(WebhookService.name);
  private readonly isIpAllowed: (clientIp: string | undefined) => boolean;
  private readonly rateLimiter: WebhookRateLimiter;

  constructor(
    private readonly repository: WebhookRepository,
    private readonly queues: QueueService,
    private readonly bias: BiasWebhookService,
    private readonly events: DomainEvents,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.isIpAllowed = buildIpAllowlist(config.webhook.ipAllowlist);
    this.rateLimiter = new WebhookRateLimiter(config.webhook.rateLimitPerMinute);
  }

  async ingest(request: WebhookRequest): Promise<WebhookReply> {
    const requestId = request.requestId ?? randomUUID();
    const receivedAt = this.clock.now();
    const settings = this.config.webhook;

    if (!this.isIpAllowed(request.clientIp ?? undefined)) {
      return this.reject(request, requestId, receivedAt, null, null, {
        httpStatus: 403,
        status: 'forbidden',
        reasonCode: 'ip_not_allowed',
        error: `Source address ${request.clientIp ?? 'unknown'} is not on the webhook allowlist`,
      });
    }
    if (!this.rateLimiter.allow(request.clientIp ?? 'unknown', receivedAt.getTime())) {
      return this.reject(request, requestId, receivedAt, null, null, {
        httpStatus: 429,
        status: 'forbidden',
        reasonCode: 'rate_limited',
        error: `More than ${settings.rateLimitPerMinute} alerts a minute from ${request.clientIp ?? 'unknown'}`,
      });
    }
    if (request.tooLargeBytes !== null || !request.rawBody) {
      return this.reject(request, requestId, receivedAt, null, null, {
        httpStatus: 413,
        status: 'invalid_payload',
        reasonCode: 'payload_too_large',
        error: `Payload exceeds ${settings.maxBodyBytes} bytes`,
        details: [{ field: 'body', message: `at most ${settings.maxBodyBytes} bytes` }],
      });
    }

    const text = request.rawBody.toString('utf8');
    const parsed = parseAlertBody(text);
    const alert = parsed.ok ? parsed.alert : null;
    const auth = verifyWebhookAuth(settings.hmacSecret, {
      bodySecret: alert ? extractBodySecret(alert.payload) : null,
      pathToken: request.pathToken,
      signatureHeader: request.signatureHeader,
      rawBody: request.rawBody,
    });
    if (!auth.ok) {
      return this.reject(request, requestId, receivedAt, alert, text, {
        httpStatus: 401,
        status: 'invalid_signature',
        reasonCode: auth.reasonCode,
        error: auth.message,
      });
    }
    if (!parsed.ok) {
      return this.reject(request, requestId, receivedAt, null, text, {
        httpStatus: 400,
        status: 'invalid_payload',
        reasonCode: parsed.reasonCode,
        error: 'Invalid payload',
        details: parsed.errors,
      });
    }

    // Multi-timeframe bias updates (V3 and legacy BIAS_SNAPSHOT) share this URL with trading alerts (spec section 4).
    if (this.bias.isBiasPayload(parsed.alert.payload)) {
      return this.routeBias(request, requestId, receivedAt, parsed.alert, text);
    }

    const normalized = normalizeAlert(parsed.alert.payload, {
      receivedAt,
      requireTimeframe: settings.requireTimeframe,
    });
    if (!normalized.ok) {
      return this.reject(
        request,
        requestId,
        receivedAt,
        parsed.alert,
        text,
        {
          httpStatus: 400,
          status: 'invalid_payload',
          reasonCode: normalized.reasonCode,
          error: 'Invalid payload',
          details: normalized.errors,
        },
        normalized.partial,
      );
    }
    return this.accept(request, requestId, receivedAt, parsed.alert, text, normalized.signal, normalized.warnings);
  }

  private async accept(
    request: WebhookRequest,
    requestId: string,
    receivedAt: Date,
    alert: ParsedAlert,
    text: string,
    signal: NormalizedSignal,
    warnings: string[],
  ): Promise<WebhookReply> {
    const signalId = randomUUID();
    const eventId = randomUUID();
    const windowStart = new Date(receivedAt.getTime() - this.config.webhook.dedupWindowSeconds * 1000);
    // Serialized once: the signal keeps it whole, the event log the same text up to its limit.
    const payloadJson = toJsonb(this.storedPayload(alert, text));
    const max = this.config.webhook.rawPayloadMaxBytes;
    const eventPayloadJson =
      payloadJson.length <= max ? payloadJson : toJsonb({ _truncated: true, _text: payloadJson.slice(0, max) });
    let outcome: PersistOutcome;
    try {
      outcome = await withTimeout(
        this.repository.insertSignalOnce(
          {
            signalId,
            requestId,
            signal,
            rawPayloadJson: payloadJson,
            signalHash: signalHash(signal),
            dedupKey: dedupKey(signal),
            receivedAt,
          },
          windowStart,
          eventPayloadJson,
          {
            ...this.eventBase(request, requestId, eventId, receivedAt, alert, null),
            signalId,
            duplicateOf: null,
            status: 'accepted',
            reasonCode: null,
            errorMessage: null,
            errorDetails: warnings.length > 0 ? { warnings } : null,
            httpStatus: 200,
            signal,
          },
        ),
        // TradingView waits 3 s and retries only 5xx: answer 503 well before, a late commit is caught as a duplicate.
        900,
        'database did not answer in time',
      );
    } catch (error) {
      const unavailable = isDatabaseUnavailable(error);
      this.logger.error(
        `signal not stored (${unavailable ? 'database unavailable' : 'error'}): ${(error as Error).message}`,
      );
      return {
        httpStatus: unavailable ? 503 : 500,
        body: {
          status: 'ERROR',
          error: unavailable ? 'Database unavailable, retry later' : 'Internal error',
          reason_code: unavailable ? 'database_unavailable' : 'internal_error',
          request_id: requestId,
        },
      };
    }

    const common = {
      request_id: requestId,
      processing_time_ms: this.elapsedMs(request),
      webhook_event_id: eventId,
      test_session_id: signal.testSessionId,
      is_test: signal.isTest,
      normalized: toNormalizedView(signal),
      warnings,
    };
    if (outcome.kind === 'duplicate') {
      return {
        httpStatus: 200,
        body: { status: 'DUPLICATE', signal_id: outcome.duplicateOf, reason_code: 'duplicate_signal', ...common },
      };
    }
    // After the commit (the insert is one auto-committed statement), before the enqueue: it precedes every later event.
    this.events.emit('signals.accepted', {
      signalId,
      symbol: signal.symbol,
      direction: signal.direction,
      timeframe: signal.timeframe,
      requestId,
      at: receivedAt.toISOString(),
    });
    await this.queues.tryEnqueue(JobName.EnrichSignal, { signalId });
    return { httpStatus: 200, body: { status: 'ACCEPTED', signal_id: signalId, ...common } };
  }

  private async routeBias(
    request: WebhookRequest,
    requestId: string,
    receivedAt: Date,
    alert: ParsedAlert,
    text: string,
  ): Promise<WebhookReply> {
    const reply = await this.bias.ingestPayload(alert.payload, receivedAt, requestId);
    const ok = reply.httpStatus < 300;
    const symbol = typeof reply.body.symbol === 'string' ? reply.body.symbol : undefined;
    const event: WebhookEventRecord = {
      ...this.eventBase(request, requestId, randomUUID(), receivedAt, alert, text),
      signalId: null,
      duplicateOf: null,
      status: ok
        ? reply.body.status === 'DUPLICATE'
          ? 'duplicate'
          : 'accepted'
        : reply.httpStatus >= 500
          ? 'error'
          : 'invalid_payload',
      reasonCode: ok
        ? 'bias_update'
        : typeof reply.body.reason_code === 'string'
          ? reply.body.reason_code
          : 'bias_rejected',
      errorMessage: ok ? null : typeof reply.body.error === 'string' ? reply.body.error : null,
      errorDetails: ok ? null : (reply.body.details ?? null),
      httpStatus: reply.httpStatus,
      signal: { symbol },
    };
    await withTimeout(this.repository.insertEvent(event), 900, 'database did not answer in time').catch(
      (error: Error) => this.logger.warn(`webhook event not stored: ${error.message}`),
    );
    return { httpStatus: reply.httpStatus, body: { ...reply.body, webhook_event_id: event.eventId } };
  }

  private async reject(
    request: WebhookRequest,
    requestId: string,
    receivedAt: Date,
    alert: ParsedAlert | null,
    text: string | null,
    rejection: Rejection,
    partial: Partial<NormalizedSignal> = {},
  ): Promise<WebhookReply> {
    const eventId = randomUUID();
    const event: WebhookEventRecord = {
      ...this.eventBase(request, requestId, eventId, receivedAt, alert, text),
      signalId: null,
      duplicateOf: null,
      status: rejection.status,
      reasonCode: rejection.reasonCode,
      errorMessage: rejection.error,
      errorDetails: rejection.details ?? null,
      httpStatus: rejection.httpStatus,
      signal: partial,
    };
    let storedEventId: string | null = eventId;
    try {
      await withTimeout(this.repository.insertEvent(event), 900, 'database did not answer in time');
    } catch (error) {
      storedEventId = null;
      this.logger.warn(`webhook event not stored: ${(error as Error).message}`);
    }
    return {
      httpStatus: rejection.httpStatus,
      body: {
        status: 'REJECTED',
        error: rejection.error,
        reason_code: rejection.reasonCode,
        ...(rejection.details ? { details: rejection.details } : {}),
        request_id: requestId,
        webhook_event_id: storedEventId,
      },
    };
  }

  private eventBase(
    request: WebhookRequest,
    requestId: string,
    eventId: string,
    receivedAt: Date,
    alert: ParsedAlert | null,
    text: string | null,
  ): Pick<
    WebhookEventRecord,
    | 'eventId'
    | 'requestId'
    | 'processingTimeMs'
    | 'rawPayload'
    | 'contentType'
    | 'sourceIp'
    | 'bodyFormat'
    | 'payloadBytes'
    | 'createdAt'
  > {
    return {
      eventId,
      requestId,
      processingTimeMs: this.elapsedMs(request),
      rawPayload: text === null ? null : this.truncatedPayload(alert, text),
      contentType: request.contentType?.slice(0, 100) ?? null,
      sourceIp: request.clientIp?.slice(0, 64) ?? null,
      bodyFormat: alert?.format ?? null,
      payloadBytes: request.rawBody?.length ?? request.tooLargeBytes ?? 0,
      createdAt: receivedAt,
    };
  }

  /** The signal keeps the whole redacted payload; text alerts keep their redacted text beside what was read. */
  private storedPayload(alert: ParsedAlert, text: string): unknown {
    const payload = redactSecrets(alert.payload) as Record<string, unknown>;
    if (alert.format === 'json') {
      return payload;
    }
    return { ...payload, _format: alert.format, _text: redactSecretsInText(text) };
  }

  /** The event log keeps at most WEBHOOK_RAW_PAYLOAD_MAX_BYTES of the redacted payload. */
  private truncatedPayload(alert: ParsedAlert | null, text: string): unknown {
    const max = this.config.webhook.rawPayloadMaxBytes;
    if (alert?.format === 'json') {
      const redacted = redactSecrets(alert.payload);
      const json = JSON.stringify(redacted);
      return json.length <= max ? redacted : { _truncated: true, _text: json.slice(0, max) };
    }
    const redactedText = redactSecretsInText(text);
    return redactedText.length <= max
      ? { _text: redactedText }
      : { _truncated: true, _text: redactedText.slice(0, max) };
  }

  private elapsedMs(request: WebhookRequest): number {
    return Number(process.hrtime.bigint() - request.startedAt) / 1e6;
  }
}
