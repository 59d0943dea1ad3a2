import type { AlertFormat, NormalizedSignal } from '../core/signal/signal.types';

export type WebhookEventStatus =
  'accepted' | 'duplicate' | 'invalid_signature' | 'invalid_payload' | 'forbidden' | 'error';

/** What the webhook_events log keeps of every request, accepted or not. */
export interface WebhookEventRecord {
  eventId: string;
  requestId: string;
  signalId: string | null;
  duplicateOf: string | null;
  status: WebhookEventStatus;
  reasonCode: string | null;
  errorMessage: string | null;
  errorDetails: unknown;
  httpStatus: number;
  signal: Partial<NormalizedSignal>;
  processingTimeMs: number;
  rawPayload: unknown;
  contentType: string | null;
  sourceIp: string | null;
  bodyFormat: AlertFormat | null;
  payloadBytes: number;
  createdAt: Date;
}

export interface NewSignalRecord {
  signalId: string;
  requestId: string;
  signal: NormalizedSignal;
  /** The redacted payload as jsonb text. */
  rawPayloadJson: string;
  signalHash: string;
  dedupKey: string;
  receivedAt: Date;
}

export type PersistOutcome = { kind: 'accepted'; signalId: string } | { kind: 'duplicate'; duplicateOf: string };
