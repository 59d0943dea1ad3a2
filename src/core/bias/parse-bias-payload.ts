import { isRecord } from '../signal/payload-fields';
import { isBiasV3Payload, isLegacyBiasSnapshot } from './bias-routing';
import type { BiasParseResult } from './bias.types';
import { translateLegacySnapshot } from './legacy-snapshot.translator';
import { parseV3BiasEvent } from './v3-event.parser';

/**
 * Routes a payload the way the spec does (V3 first, then legacy BIAS_SNAPSHOT) and parses it. Anything else is
 * `unsupported_bias_payload`: the bias webhook accepts only these two kinds.
 */
export function parseBiasPayload(payload: unknown, receivedAt: Date): BiasParseResult {
  if (!isRecord(payload)) {
    return {
      ok: false,
      reasonCode: 'unsupported_bias_payload',
      errors: [{ field: 'body', message: 'must be a JSON object' }],
    };
  }
  if (isBiasV3Payload(payload)) {
    return parseV3BiasEvent(payload, receivedAt);
  }
  if (isLegacyBiasSnapshot(payload)) {
    return translateLegacySnapshot(payload, receivedAt);
  }
  // A V3 payload missing only its event id deserves a field error rather than "unsupported".
  if (typeof payload.source === 'string' && payload.source.trim().toUpperCase() === 'MTF_BIAS_ENGINE_V3') {
    return parseV3BiasEvent(payload, receivedAt);
  }
  return {
    ok: false,
    reasonCode: 'unsupported_bias_payload',
    errors: [
      {
        field: 'body',
        message:
          'not a bias payload: send an MTF_BIAS_ENGINE_V3 event (event_id_raw, source) or event_type BIAS_SNAPSHOT',
      },
    ],
  };
}
