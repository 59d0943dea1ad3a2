import { BiasPayloadReader, MAX_TIMEFRAMES, RawTimeframe } from './bias-payload-reader';
import { DEFAULT_BIAS_CONFIG } from './bias.config';
import type {
  BiasEvent,
  BiasParseResult,
  BiasSource,
  MacroClass,
  ModeHint,
  Regime,
  ReportedConsensus,
} from './bias.types';
import { byTimeframeLength } from './timeframe-weights';

/** What an `mtf` block (V3, or legacy V1 which has the same block) holds. */
export interface MtfBlock {
  timeframes: RawTimeframe[];
  consensus: ReportedConsensus | null;
  regime: Regime | null;
  chopScore: number | null;
}

/** Reads `mtf.timeframes[]`, `mtf.consensus` and `mtf.regime`. */
export function readMtfBlock(reader: BiasPayloadReader, mtf: Record<string, unknown>, field: string): MtfBlock {
  const list = mtf.timeframes;
  const timeframes: RawTimeframe[] = [];
  if (!Array.isArray(list) || list.length === 0) {
    reader.error(`${field}.timeframes`, 'must be a non-empty array of { tf, bias, strength }');
  } else if (list.length > MAX_TIMEFRAMES) {
    reader.error(`${field}.timeframes`, `at most ${MAX_TIMEFRAMES} timeframes`);
  } else {
    list.forEach((entry, index) => {
      const path = `${field}.timeframes[${index}]`;
      const record = reader.record(entry, path);
      if (record === null) {
        reader.error(path, 'must be an object');
        return;
      }
      const reading = reader.timeframeReading(record, path, DEFAULT_BIAS_CONFIG.directionThreshold);
      if (reading === null) {
        return;
      }
      if (timeframes.some((t) => t.timeframe === reading.timeframe)) {
        reader.error(`${path}.tf`, `timeframe ${reading.timeframe} appears twice`);
        return;
      }
      timeframes.push(reading);
    });
  }
  const consensus = reader.consensus(reader.record(mtf.consensus, `${field}.consensus`), `${field}.consensus`);
  const regimeBlock = reader.record(mtf.regime, `${field}.regime`);
  let regime = regimeBlock ? reader.regime(regimeBlock.type, `${field}.regime.type`) : null;
  const chopScore = regimeBlock ? reader.number(regimeBlock.chop_score, `${field}.regime.chop_score`, 0, 100) : null;
  const atrState = regimeBlock ? reader.text(regimeBlock.atr_state_15m, `${field}.regime.atr_state_15m`, 20) : null;
  // A range whose 15-minute ATR is expanding is volatile, not quiet.
  if (regime === 'RANGING' && atrState?.toUpperCase() === 'EXPANDING') {
    regime = 'VOLATILE';
  }
  return { timeframes: timeframes.sort(byTimeframeLength), consensus, regime, chopScore };
}

export interface EventParts {
  eventId: string;
  symbol: string;
  source: BiasSource;
  eventType: string;
  eventTime: Date;
  receivedAt: Date;
  chartTimeframe: string | null;
  mtf: MtfBlock;
  macroClass: MacroClass | null;
  macroDetail: string | null;
  modeHint: ModeHint | null;
  session: string | null;
}

export function buildEvent(parts: EventParts): BiasEvent {
  const eventTime = parts.eventTime.toISOString();
  return {
    eventId: parts.eventId,
    symbol: parts.symbol,
    source: parts.source,
    eventType: parts.eventType,
    eventTime,
    receivedAt: parts.receivedAt.toISOString(),
    chartTimeframe: parts.chartTimeframe,
    timeframes: parts.mtf.timeframes.map((t) => ({
      timeframe: t.timeframe,
      bias: t.bias,
      score: t.score,
      confidence: clampConfidence(t.confidence ?? parts.mtf.consensus?.confidence ?? Math.abs(t.score)),
      updatedAt: eventTime,
    })),
    regime: parts.mtf.regime,
    chopScore: parts.mtf.chopScore,
    macroClass: parts.macroClass,
    macroDetail: parts.macroDetail,
    modeHint: parts.modeHint,
    reported: parts.mtf.consensus,
    session: parts.session,
  };
}

function clampConfidence(value: number): number {
  return Math.round(Math.max(0, Math.min(100, value)) * 10) / 10;
}

/** The macro class and its original label from `macro.state.macro_class` (V3) or a top-level `macro_class`. */
export function readMacro(
  reader: BiasPayloadReader,
  payload: Record<string, unknown>,
): { macroClass: MacroClass | null; macroDetail: string | null } {
  const macro = reader.record(payload.macro, 'macro');
  const state = macro ? reader.record(macro.state, 'macro.state') : null;
  const [raw, field] =
    state && !BiasPayloadReader.isAbsent(state.macro_class)
      ? [state.macro_class, 'macro.state.macro_class']
      : [payload.macro_class ?? payload.macroClass, 'macro_class'];
  const macroClass = reader.macro(raw, field);
  return { macroClass, macroDetail: macroClass !== null && typeof raw === 'string' ? raw.trim().toUpperCase() : null };
}

/** `risk_context.entry_mode_hint`, else `intent.type` (V3), else a top-level `mode_hint` / `entry_mode_hint`. */
export function readModeHint(reader: BiasPayloadReader, payload: Record<string, unknown>): ModeHint | null {
  const risk = reader.record(payload.risk_context, 'risk_context');
  if (risk && !BiasPayloadReader.isAbsent(risk.entry_mode_hint)) {
    return reader.modeHint(risk.entry_mode_hint, 'risk_context.entry_mode_hint');
  }
  const intent = payload.intent;
  if (intent !== undefined && intent !== null && typeof intent === 'object') {
    const block = reader.record(intent, 'intent');
    return block ? reader.modeHint(block.type, 'intent.type') : null;
  }
  if (!BiasPayloadReader.isAbsent(intent)) {
    return reader.modeHint(intent, 'intent');
  }
  return reader.modeHint(payload.mode_hint ?? payload.entry_mode_hint, 'mode_hint');
}

function invalid(reader: BiasPayloadReader): BiasParseResult {
  return { ok: false, reasonCode: 'invalid_bias_payload', errors: reader.errors };
}

/**
 * An MTF_BIAS_ENGINE_V3 payload (docs/mtf-bias.md): required `event_id_raw`, `symbol` and `mtf.timeframes`;
 * everything else optional but validated when present. Unknown extra fields are ignored.
 */
export function parseV3BiasEvent(payload: Record<string, unknown>, receivedAt: Date): BiasParseResult {
  const reader = new BiasPayloadReader();
  const eventId = reader.eventId(payload.event_id_raw, 'event_id_raw');
  if (eventId === null && BiasPayloadReader.isAbsent(payload.event_id_raw)) {
    reader.error('event_id_raw', 'is required');
  }
  const symbol = reader.symbol(payload.symbol ?? payload.ticker, 'symbol');
  const eventType = reader.eventType(payload.event_type, 'event_type', 'BIAS_SNAPSHOT');
  const eventTime = reader.eventTime(payload.event_ts_ms ?? payload.timestamp, 'event_ts_ms', receivedAt);
  const chartTimeframe = reader.timeframe(payload.chart_tf, 'chart_tf', false);
  const session = reader.text(payload.session, 'session', 10);
  const mtfRecord = reader.record(payload.mtf, 'mtf');
  if (mtfRecord === null && BiasPayloadReader.isAbsent(payload.mtf)) {
    reader.error('mtf', 'is required: { timeframes: [{ tf, bias, strength }], consensus?, regime? }');
  }
  const mtf = mtfRecord ? readMtfBlock(reader, mtfRecord, 'mtf') : null;
  const { macroClass, macroDetail } = readMacro(reader, payload);
  const modeHint = readModeHint(reader, payload);
  if (reader.errors.length > 0 || eventId === null || symbol === null || mtf === null) {
    return invalid(reader);
  }
  return {
    ok: true,
    event: buildEvent({
      eventId,
      symbol,
      source: 'v3',
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
