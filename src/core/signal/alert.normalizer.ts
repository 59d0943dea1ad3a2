import { resolveIntent } from './intent.resolver';
import { toBoolean, toNumber } from './numeric-fields';
import { FieldReader, type PayloadLeaf } from './payload-fields';
import {
  EXCHANGE_FIELDS,
  PRICE_FIELDS,
  QUANTITY_FIELDS,
  SCORE_FIELDS,
  SYMBOL_FIELDS,
  TEST_FIELDS,
  TIMEFRAME_FIELDS,
  TIMESTAMP_FIELDS,
} from './signal-fields';
import {
  UNKNOWN_TIMEFRAME,
  type FieldError,
  type NormalizationReason,
  type NormalizedSignal,
  type NormalizeOptions,
  type NormalizeResult,
} from './signal.types';
import { parseExchange, parseSymbol } from './symbol';
import { normalizeTimeframe } from './timeframe';
import { parseTimestamp } from './timestamp';

interface Problem {
  reason: NormalizationReason;
  error: FieldError;
}

// When several things are wrong the most actionable reason is reported; every field error is still listed.
const REASON_PRIORITY: readonly NormalizationReason[] = [
  'unsubstituted_placeholder',
  'missing_symbol',
  'invalid_symbol',
  'missing_action',
  'missing_direction',
  'missing_timeframe',
  'invalid_timeframe',
  'invalid_timestamp',
  'invalid_payload',
];

/** Turns a parsed alert payload into a signal, or says precisely why it cannot. Pure: time comes from options. */
export function normalizeAlert(payload: Record<string, unknown>, options: NormalizeOptions): NormalizeResult {
  const reader = new FieldReader(unwrapEnvelope(payload));
  const problems: Problem[] = [];
  const warnings: string[] = [];
  const partial: Partial<NormalizedSignal> = {};

  const symbolLeaf = reader.first(SYMBOL_FIELDS);
  if (!symbolLeaf) {
    problems.push({
      reason: 'missing_symbol',
      error: { field: 'symbol', message: 'symbol is required (symbol, ticker or meta.ticker)' },
    });
  } else if (!reader.isPlaceholder(symbolLeaf)) {
    const parsed = parseSymbol(symbolLeaf.value);
    if (parsed.ok) {
      partial.symbol = parsed.symbol;
      if (parsed.optionContract) {
        warnings.push(`option contract '${parsed.optionContract}' read as its underlying ${parsed.symbol}`);
      }
      const exchangeLeaf = reader.first(EXCHANGE_FIELDS);
      const fieldExchange =
        exchangeLeaf && !reader.isPlaceholder(exchangeLeaf) ? parseExchange(exchangeLeaf.value) : null;
      partial.exchange = parsed.exchange ?? fieldExchange;
    } else {
      problems.push({ reason: 'invalid_symbol', error: { field: symbolLeaf.path, message: parsed.message } });
    }
  }

  const intent = resolveIntent(reader);
  if (intent.ok) {
    partial.action = intent.action;
    partial.direction = intent.direction;
    warnings.push(...intent.warnings);
  } else {
    if (intent.action) {
      partial.action = intent.action;
    }
    problems.push(...intent.errors.map((error) => ({ reason: intent.reasonCode, error })));
  }

  const timeframeLeaf = reader.first(TIMEFRAME_FIELDS);
  if (!timeframeLeaf) {
    if (options.requireTimeframe) {
      problems.push({
        reason: 'missing_timeframe',
        error: { field: 'timeframe', message: 'timeframe is required (timeframe, tf or interval)' },
      });
    } else {
      partial.timeframe = UNKNOWN_TIMEFRAME;
    }
  } else if (!reader.isPlaceholder(timeframeLeaf)) {
    const timeframe = normalizeTimeframe(timeframeLeaf.value);
    if (timeframe) {
      partial.timeframe = timeframe;
    } else {
      problems.push({
        reason: 'invalid_timeframe',
        error: { field: timeframeLeaf.path, message: `unreadable timeframe '${clip(timeframeLeaf.value)}'` },
      });
    }
  }

  const timestampLeaf = reader.first(TIMESTAMP_FIELDS);
  if (!timestampLeaf) {
    partial.timestamp = options.receivedAt;
    partial.timestampSource = 'received';
  } else if (!reader.isPlaceholder(timestampLeaf)) {
    const parsed = parseTimestamp(timestampLeaf.value, options.receivedAt);
    if (parsed.ok) {
      partial.timestamp = parsed.value;
      partial.timestampSource = 'payload';
    } else {
      problems.push({ reason: 'invalid_timestamp', error: { field: timestampLeaf.path, message: parsed.message } });
    }
  }

  partial.price = readAmount(reader, PRICE_FIELDS, 'price', warnings);
  partial.quantity = readAmount(reader, QUANTITY_FIELDS, 'quantity', warnings);
  partial.confidence = readScore(reader, SCORE_FIELDS.confidence, warnings);
  partial.patternStrength = readScore(reader, SCORE_FIELDS.patternStrength, warnings);
  partial.mtfAlignment = readScore(reader, SCORE_FIELDS.mtfAlignment, warnings);
  Object.assign(partial, readTestMetadata(reader, warnings));

  for (const hit of reader.placeholders) {
    problems.push({
      reason: 'unsubstituted_placeholder',
      error: { field: hit.field, message: `unsubstituted TradingView placeholder ${hit.placeholder}` },
    });
  }
  warnings.push(...reader.unreadPlaceholderWarnings());

  if (problems.length > 0) {
    const reasonCode = REASON_PRIORITY.find((reason) => problems.some((p) => p.reason === reason)) ?? 'invalid_payload';
    return { ok: false, reasonCode, errors: problems.map((p) => p.error), partial };
  }
  return { ok: true, signal: complete(partial), warnings };
}

function complete(partial: Partial<NormalizedSignal>): NormalizedSignal {
  // Every required field is set whenever no problem was recorded; the fallbacks only satisfy the type checker.
  return {
    symbol: partial.symbol ?? '',
    exchange: partial.exchange ?? null,
    action: partial.action ?? 'entry',
    direction: partial.direction ?? null,
    timeframe: partial.timeframe ?? UNKNOWN_TIMEFRAME,
    timestamp: partial.timestamp ?? new Date(0),
    timestampSource: partial.timestampSource ?? 'received',
    price: partial.price ?? null,
    quantity: partial.quantity ?? null,
    confidence: partial.confidence ?? null,
    patternStrength: partial.patternStrength ?? null,
    mtfAlignment: partial.mtfAlignment ?? null,
    isTest: partial.isTest ?? false,
    testSessionId: partial.testSessionId ?? null,
    testScenario: partial.testScenario ?? null,
  };
}

const MAX_AMOUNT = 1e12;

/** Keys some bots wrap the whole alert in (`{"data": {...}, "key": "..."}`). */
const ENVELOPE_KEYS = ['data', 'payload', 'alert', 'body', 'params'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Lifts the fields of a single wrapper object to the top when the top level names no symbol. */
function unwrapEnvelope(payload: Record<string, unknown>): Record<string, unknown> {
  if (new FieldReader(payload).first(SYMBOL_FIELDS)) {
    return payload;
  }
  const wrappers = Object.keys(payload).filter(
    (key) => ENVELOPE_KEYS.includes(key.toLowerCase()) && isRecord(payload[key]),
  );
  if (wrappers.length !== 1) {
    return payload;
  }
  const [key] = wrappers;
  const { [key]: inner, ...rest } = payload;
  return { ...rest, ...(inner as Record<string, unknown>) };
}

function readAmount(reader: FieldReader, fields: readonly string[], name: string, warnings: string[]): number | null {
  const leaf = reader.first(fields);
  if (!leaf || reader.isPlaceholder(leaf)) {
    return null;
  }
  const n = toNumber(leaf.value);
  // Stored as NUMERIC(18,6): anything at or above 1e12 is not a real price or size.
  if (n === null || !Number.isFinite(n) || n < 0 || n >= MAX_AMOUNT || (name === 'price' && n === 0)) {
    warnings.push(`ignored unreadable ${name} '${clip(leaf.value)}' in '${leaf.path}'`);
    return null;
  }
  return n;
}

/** Scores are 0-100: out-of-range numbers are clamped, unreadable ones ignored, both with a warning. */
function readScore(reader: FieldReader, fields: readonly string[], warnings: string[]): number | null {
  const leaf = reader.first(fields);
  if (!leaf || reader.isPlaceholder(leaf)) {
    return null;
  }
  const n = toNumber(leaf.value);
  if (n === null) {
    warnings.push(`ignored unreadable ${leaf.path} '${clip(leaf.value)}'`);
    return null;
  }
  if (n < 0 || n > 100) {
    warnings.push(`clamped ${leaf.path} ${n} to 0-100`);
    return Math.min(100, Math.max(0, n));
  }
  return n;
}

function readTestMetadata(
  reader: FieldReader,
  warnings: string[],
): Pick<NormalizedSignal, 'isTest' | 'testSessionId' | 'testScenario'> {
  const isTestLeaf = reader.first(TEST_FIELDS.isTest);
  let isTest = false;
  if (isTestLeaf && !reader.isPlaceholder(isTestLeaf)) {
    const parsed = toBoolean(isTestLeaf.value);
    if (parsed === null) {
      warnings.push(`ignored unreadable ${isTestLeaf.path} '${clip(isTestLeaf.value)}'`);
    }
    isTest = parsed ?? false;
  }
  return {
    isTest,
    testSessionId: readText(reader, TEST_FIELDS.testSessionId),
    testScenario: readText(reader, TEST_FIELDS.testScenario),
  };
}

function readText(reader: FieldReader, fields: readonly string[]): string | null {
  const leaf: PayloadLeaf | null = reader.first(fields);
  if (!leaf || reader.isPlaceholder(leaf)) {
    return null;
  }
  return typeof leaf.value === 'string' || typeof leaf.value === 'number' ? String(leaf.value).trim() : null;
}

function clip(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 30 ? `${text.slice(0, 30)}…` : text;
}
