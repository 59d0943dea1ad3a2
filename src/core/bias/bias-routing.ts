import { isRecord } from '../signal/payload-fields';

/** The V3 indicator's `source` value. */
export const V3_SOURCE = 'MTF_BIAS_ENGINE_V3';

/** Blocks only the V3 indicator sends; a payload with all of them is V3 even without `source`. */
const V3_BLOCKS = ['macro', 'intent', 'liquidity', 'space', 'trigger'] as const;

/**
 * The spec's routing (section 4): `body.event_id_raw && shouldRouteToV3(body)`, where shouldRouteToV3 is
 * `source === 'MTF_BIAS_ENGINE_V3'` or the V3 shape (macro, intent, liquidity, space and trigger blocks).
 * Checked before isLegacyBiasSnapshot: V3 snapshots carry event_type BIAS_SNAPSHOT too.
 */
export function isBiasV3Payload(payload: unknown): boolean {
  if (!isRecord(payload)) {
    return false;
  }
  const eventIdRaw = payload.event_id_raw;
  if (typeof eventIdRaw !== 'string' || eventIdRaw.trim().length === 0) {
    return false;
  }
  if (typeof payload.source === 'string' && payload.source.trim().toUpperCase() === V3_SOURCE) {
    return true;
  }
  return V3_BLOCKS.every((block) => isRecord(payload[block]));
}

/** The legacy (V1) bias payload: `event_type === 'BIAS_SNAPSHOT'` that is not V3. Translated into V3 events. */
export function isLegacyBiasSnapshot(payload: unknown): boolean {
  if (!isRecord(payload) || isBiasV3Payload(payload)) {
    return false;
  }
  return typeof payload.event_type === 'string' && payload.event_type.trim().toUpperCase() === 'BIAS_SNAPSHOT';
}

/** Either kind: what `POST /webhook` hands to the bias aggregator instead of the signal pipeline. */
export function isBiasPayload(payload: unknown): boolean {
  return isBiasV3Payload(payload) || isLegacyBiasSnapshot(payload);
}
