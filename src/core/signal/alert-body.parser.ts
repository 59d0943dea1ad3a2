import { repairJson } from './lenient-json';
import { isRecord } from './payload-fields';
import type { ParseResult } from './signal.types';
import {
  parseKeyValue,
  parsePineConnector,
  parsePipe,
  parsePlainText,
  parseStrategyFillMessage,
} from './text-alert.parsers';

/**
 * Reads a webhook body as received. Content-Type is not trusted: TradingView sends text/plain whenever the alert text
 * is not valid JSON. Strict JSON first, then repaired JSON, then the text formats. Never throws.
 */
export function parseAlertBody(raw: string): ParseResult {
  try {
    return parseBody(raw, 0);
  } catch {
    // Defensive: every branch below is meant to be total; a bug must still answer 400, not 500.
    return invalid('body', 'unreadable alert body');
  }
}

function parseBody(raw: string, depth: number): ParseResult {
  const text = raw.replace(/^\uFEFF/, '').trim();
  if (text.length === 0) {
    return invalid('body', 'alert body is empty');
  }
  const strict = tryJson(text);
  if (strict.parsed) {
    return fromJsonValue(strict.value, 'json', depth);
  }
  // `{` starts JSON; `{{` starts a TradingView placeholder in a text alert.
  if (/^\{(?!\{)/.test(text)) {
    const lenient = tryJson(repairJson(text));
    if (lenient.parsed) {
      return fromJsonValue(lenient.value, 'json_lenient', depth);
    }
    return invalid('body', 'malformed JSON alert body');
  }
  const strategyFill = parseStrategyFillMessage(text);
  if (strategyFill) {
    return { ok: true, alert: { format: 'plain_text', payload: strategyFill } };
  }
  const pine = parsePineConnector(text);
  if (pine) {
    return { ok: true, alert: { format: 'pineconnector', payload: pine } };
  }
  const pipe = parsePipe(text);
  if (pipe) {
    return { ok: true, alert: { format: 'pipe', payload: pipe } };
  }
  const keyValue = parseKeyValue(text);
  if (keyValue) {
    return { ok: true, alert: { format: 'key_value', payload: keyValue } };
  }
  return { ok: true, alert: { format: 'plain_text', payload: parsePlainText(text) } };
}

function fromJsonValue(value: unknown, format: 'json' | 'json_lenient', depth: number): ParseResult {
  if (isRecord(value)) {
    return { ok: true, alert: { format, payload: value } };
  }
  if (typeof value === 'string' && depth < 2) {
    // A JSON string holding the alert (double-encoded JSON or quoted text).
    return parseBody(value, depth + 1);
  }
  return invalid('body', `alert body must be a JSON object or text, not ${describeJson(value)}`);
}

function tryJson(text: string): { parsed: true; value: unknown } | { parsed: false } {
  try {
    return { parsed: true, value: JSON.parse(text) as unknown };
  } catch {
    return { parsed: false };
  }
}

function describeJson(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

function invalid(field: string, message: string): ParseResult {
  return { ok: false, reasonCode: 'invalid_payload', errors: [{ field, message }] };
}
