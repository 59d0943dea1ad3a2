import { createHash } from 'crypto';

import { isRecord } from '../signal/payload-fields';
import { redactSecrets } from '../signal/redact-secrets';
import { BiasPayloadReader, MAX_TIMEFRAMES, RawTimeframe } from './bias-payload-reader';
import { DEFAULT_BIAS_CONFIG } from './bias.config';
import type { BiasParseResult } from './bias.types';
import { byTimeframeLength } from './timeframe-weights';
import { buildEvent, MtfBlock, readMacro, readModeHint, readMtfBlock } from './v3-event.parser';

/**
 * Legacy BIAS_SNAPSHOT payloads (the spec's V1 pipeline, eliminated in the rebuild) become V3 events:
 * - the V1 shape (`mtf.timeframes[]`, `mtf.consensus`, `mtf.regime`, `risk_context.entry_mode_hint`) is read like V3;
 * - flat snapshots: `timeframes` as a map (`{"5m": "bullish", "1h": {"bias": "bearish", "strength": 70}}`) or an
 *   array, or a single `timeframe` + `bias` (+ `strength` | `score`, `confidence`), with optional top-level
 *   `regime`, `chop_score`, `macro_class`, `mode_hint`.
 * Without `event_id_raw` the event id is a hash of the (redacted) payload, so an identical resend is a duplicate.
 */
export function translateLegacySnapshot(payload: Record<string, unknown>, receivedAt: Date): BiasParseResult {
  const reader = new BiasPayloadReader();
  const explicitId = payload.event_id_raw ?? payload.event_id ?? payload.id;
  const eventId = BiasPayloadReader.isAbsent(explicitId)
    ? `legacy:${createHash('sha256')
        .update(JSON.stringify(redactSecrets(payload)))
        .digest('hex')
        .slice(0, 32)}`
    : reader.eventId(explicitId, 'event_id_raw');
  const symbol = reader.symbol(payload.symbol ?? payload.ticker, 'symbol');
  const eventType = reader.eventType(payload.event_type, 'event_type', 'BIAS_SNAPSHOT');
  const eventTime = reader.eventTime(
    payload.event_ts_ms ?? payload.timestamp ?? payload.time,
    payload.event_ts_ms !== undefined ? 'event_ts_ms' : 'timestamp',
    receivedAt,
  );
  const chartTimeframe = reader.timeframe(payload.chart_tf, 'chart_tf', false);
  const session = reader.text(payload.session, 'session', 10);
  const mtfRecord = reader.record(payload.mtf, 'mtf');
  const mtf = mtfRecord ? readMtfBlock(reader, mtfRecord, 'mtf') : readFlat(reader, payload, chartTimeframe);
  const { macroClass, macroDetail } = readMacro(reader, payload);
  const modeHint = readModeHint(reader, payload);
  if (reader.errors.length > 0 || eventId === null || symbol === null) {
    return { ok: false, reasonCode: 'invalid_bias_payload', errors: reader.errors };
  }
  return {
    ok: true,
    event: buildEvent({
      eventId,
      symbol,
      source: 'legacy',
      eventType,
      eventTime,
      receivedAt,
      chartTimeframe,
      mtf,
      macroClass,
      macroDetail,
      modeHint,
      session: session === null ? null : session.toUpperCase(),
    }),
  };
}

function readFlat(
  reader: BiasPayloadReader,
  payload: Record<string, unknown>,
  chartTimeframe: string | null,
): MtfBlock {
  const threshold = DEFAULT_BIAS_CONFIG.directionThreshold;
  const timeframes: RawTimeframe[] = [];
  const add = (reading: RawTimeframe | null, field: string): void => {
    if (reading === null) {
      return;
    }
    if (timeframes.some((t) => t.timeframe === reading.timeframe)) {
      reader.error(field, `timeframe ${reading.timeframe} appears twice`);
      return;
    }
    timeframes.push(reading);
  };
  const list = payload.timeframes;
  if (Array.isArray(list)) {
    if (list.length > MAX_TIMEFRAMES) {
      reader.error('timeframes', `at most ${MAX_TIMEFRAMES} timeframes`);
    } else {
      list.forEach((entry, index) => {
        const field = `timeframes[${index}]`;
        if (!isRecord(entry)) {
          reader.error(field, 'must be an object');
          return;
        }
        add(reader.timeframeReading(entry, field, threshold), field);
      });
    }
  } else if (isRecord(list)) {
    const entries = Object.entries(list);
    if (entries.length > MAX_TIMEFRAMES) {
      reader.error('timeframes', `at most ${MAX_TIMEFRAMES} timeframes`);
    } else {
      for (const [tf, value] of entries) {
        const field = `timeframes.${tf}`;
        const entry = isRecord(value) ? { ...value, tf } : { tf, bias: value };
        add(reader.timeframeReading(entry, field, threshold), field);
      }
    }
  } else if (!BiasPayloadReader.isAbsent(list)) {
    reader.error('timeframes', 'must be an object map or an array');
  } else {
    const tfValue = payload.timeframe ?? payload.tf ?? payload.interval ?? chartTimeframe;
    const entry = {
      tf: tfValue,
      bias: payload.bias ?? payload.direction ?? payload.trend,
      strength: payload.strength,
      score: payload.score ?? payload.bias_score,
      confidence: payload.confidence,
    };
    if (BiasPayloadReader.isAbsent(tfValue)) {
      reader.error('timeframe', 'is required (or timeframes, or mtf.timeframes)');
    } else {
      add(reader.timeframeReading(entry, '', threshold), 'timeframe');
    }
  }
  const regimeValue = payload.regime ?? payload.regime_type;
  return {
    timeframes: timeframes.sort(byTimeframeLength),
    consensus: null,
    regime: reader.regime(isRecord(regimeValue) ? regimeValue.type : regimeValue, 'regime'),
    chopScore: reader.number(payload.chop_score ?? payload.chop, 'chop_score', 0, 100),
  };
}
