/** What ingestion understands of an alert. Shared by the parser, the normalizer, the webhook and the pipeline. */

export type SignalAction = 'entry' | 'exit' | 'cancel' | 'add';
export type SignalDirection = 'long' | 'short';

/** Canonical timeframe (see docs/webhook-formats.md): `<n>s`, `<n>m`, `<n>h`, `<n>d`, `<n>w`, `<n>mo`, or `unknown`. */
export type Timeframe = string;
export const UNKNOWN_TIMEFRAME = 'unknown';

/** How the body text was read. */
export type AlertFormat = 'json' | 'json_lenient' | 'key_value' | 'pipe' | 'pineconnector' | 'plain_text';

export interface FieldError {
  field: string;
  message: string;
}

/** Machine-readable reasons a webhook body is refused (HTTP 400). */
export type NormalizationReason =
  | 'invalid_payload'
  | 'missing_symbol'
  | 'invalid_symbol'
  | 'missing_action'
  | 'missing_direction'
  | 'missing_timeframe'
  | 'invalid_timeframe'
  | 'invalid_timestamp'
  | 'unsubstituted_placeholder';

export interface ParsedAlert {
  format: AlertFormat;
  /** A flat or nested record of what the body said, keys as sent. */
  payload: Record<string, unknown>;
}

export type ParseResult =
  { ok: true; alert: ParsedAlert } | { ok: false; reasonCode: NormalizationReason; errors: FieldError[] };

export interface NormalizedSignal {
  symbol: string;
  exchange: string | null;
  action: SignalAction;
  /** Entries: the side opened. Exits: the side closed, null when unknown. Cancel/add: the side when known. */
  direction: SignalDirection | null;
  timeframe: Timeframe;
  timestamp: Date;
  /** Whether `timestamp` came from the alert or is the receipt time. */
  timestampSource: 'payload' | 'received';
  price: number | null;
  quantity: number | null;
  confidence: number | null;
  patternStrength: number | null;
  mtfAlignment: number | null;
  isTest: boolean;
  testSessionId: string | null;
  testScenario: string | null;
}

export interface NormalizeOptions {
  /** Receipt time from the platform clock; the default timestamp. */
  receivedAt: Date;
  /** REQUIRE_TIMEFRAME: refuse alerts without a timeframe instead of storing `unknown`. */
  requireTimeframe: boolean;
}

export type NormalizeResult =
  | { ok: true; signal: NormalizedSignal; warnings: string[] }
  | {
      ok: false;
      reasonCode: NormalizationReason;
      errors: FieldError[];
      /** Whatever could be read, for the event log. */
      partial: Partial<NormalizedSignal>;
    };
