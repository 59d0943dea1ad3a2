import { parseAlertBody } from './alert-body.parser';
import { normalizeAlert } from './alert.normalizer';

export interface SignalMetadata {
  confidence: number | null;
  patternStrength: number | null;
  mtfAlignment: number | null;
}

const NONE: SignalMetadata = { confidence: null, patternStrength: null, mtfAlignment: null };

/**
 * The scores an alert carried (confidence, pattern strength, MTF alignment, each 0-100), read again from the stored
 * payload (`signals.raw_payload`; a text body is stored as `{"_text": ...}`) by the same normalizer that accepted it.
 */
export function signalMetadata(rawPayload: Record<string, unknown> | null, receivedAt: Date): SignalMetadata {
  if (!rawPayload) {
    return NONE;
  }
  let payload: Record<string, unknown> = rawPayload;
  if (typeof rawPayload._text === 'string') {
    const parsed = parseAlertBody(rawPayload._text);
    if (!parsed.ok) {
      return NONE;
    }
    payload = parsed.alert.payload;
  }
  const normalized = normalizeAlert(payload, { receivedAt, requireTimeframe: false });
  if (!normalized.ok) {
    return {
      confidence: normalized.partial.confidence ?? null,
      patternStrength: normalized.partial.patternStrength ?? null,
      mtfAlignment: normalized.partial.mtfAlignment ?? null,
    };
  }
  const { confidence, patternStrength, mtfAlignment } = normalized.signal;
  return { confidence, patternStrength, mtfAlignment };
}
