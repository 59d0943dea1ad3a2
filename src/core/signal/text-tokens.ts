import { classifyTerm, compactWord, isNonEntryIntent, type Term } from './alert-vocabulary';
import { canonicalKey } from './payload-fields';
import {
  ACTION_FIELDS,
  DIRECTION_FIELDS,
  EXCHANGE_FIELDS,
  POSITION_FIELDS,
  PREV_POSITION_FIELDS,
  PRICE_FIELDS,
  QUANTITY_FIELDS,
  SYMBOL_FIELDS,
  TIMEFRAME_FIELDS,
  TIMESTAMP_FIELDS,
} from './signal-fields';
import { normalizeTimeframe } from './timeframe';

/**
 * Reads text alerts (`Long SPY 5m`, `SPY|BUY|5m|595.42`, `BUY signal on NASDAQ:QQQ 15 min`) by recognising what each
 * token looks like. The result is a payload with the same field names a JSON alert would use, so one normalizer
 * handles every format.
 */

const KNOWN_KEYS: ReadonlySet<string> = new Set(
  [
    ...SYMBOL_FIELDS,
    ...EXCHANGE_FIELDS,
    ...ACTION_FIELDS,
    ...DIRECTION_FIELDS,
    ...POSITION_FIELDS,
    ...PREV_POSITION_FIELDS,
    ...TIMEFRAME_FIELDS,
    ...TIMESTAMP_FIELDS,
    ...PRICE_FIELDS,
    ...QUANTITY_FIELDS,
    'secret',
    'passphrase',
  ].map(canonicalKey),
);

// All-caps words that are not tickers, common in alert text.
const NOT_TICKERS: ReadonlySet<string> = new Set(
  (
    'A I ALERT AND AT BAR BY CHART CROSS CROSSED CROSSES EMA SMA RSI MACD VWAP ATR FOR FROM HIGH LOW IN IS NEW NOW OF ' +
    'ON OR ORDER PRICE SIGNAL STRATEGY THE TO TF TP SL WITH ABOVE BELOW TRIGGERED NA MIN MINS HR H M D W S ID'
  ).split(' '),
);

const UNIT_WORDS =
  /^(s|sec|secs|second|seconds|m|min|mins|minute|minutes|h|hr|hrs|hour|hours|d|day|days|w|wk|week|weeks|mo|month|months)$/i;
const KEY_VALUE = /^([A-Za-z_][A-Za-z0-9_.-]{0,63})\s*([=:])(\s*)([\s\S]*)$/;
const EXCHANGE_TICKER = /^([A-Za-z0-9_]{1,30}):([A-Za-z0-9.!/_-]{1,20})$/;
const WEAK_TICKER = /^(?=.*[A-Z])[A-Z][A-Z0-9.!/_-]{0,19}$/;
const NUMBER = /^\$?\d+(\.\d+)?$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})?$/i;

// What a TradingView placeholder left in text stands for.
const PLACEHOLDER_SLOTS: Readonly<Record<string, Slot>> = {
  ticker: 'symbol',
  tickerid: 'symbol',
  'syminfo.ticker': 'symbol',
  interval: 'timeframe',
  close: 'price',
  'strategy.order.price': 'price',
  'strategy.order.action': 'action',
  time: 'timestamp',
  timenow: 'timestamp',
};

type Slot = 'action' | 'symbol' | 'timeframe' | 'price' | 'timestamp';

const MAX_WORDS = 500;

/** A `key=value` or `key: value` pair; a bare colon counts only for known keys, so `AMEX:SPY` stays a ticker. */
export function readKeyValue(segment: string): [string, string] | null {
  const match = KEY_VALUE.exec(segment.trim());
  if (!match) {
    return null;
  }
  const [, key, separator, space, rawValue] = match;
  if (separator === ':' && space === '' && !KNOWN_KEYS.has(canonicalKey(key))) {
    return null;
  }
  return [key, stripQuotes(rawValue.trim())];
}

export function stripQuotes(value: string): string {
  const match = /^(["'])([\s\S]*)\1$/.exec(value);
  return match ? match[2] : value;
}

/** Builds a payload from text segments (pipe-separated parts, or the whole text). */
export function recognizeSegments(segments: string[]): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  const slots: Partial<Record<Slot, string>> = {};
  let weakSymbol: string | null = null;
  const terms: { phrase: string; term: Term }[] = [];
  const unparsed: string[] = [];
  let budget = MAX_WORDS;

  for (const segment of segments) {
    const pair = readKeyValue(segment);
    if (pair) {
      setOnce(payload, pair[0], pair[1]);
      continue;
    }
    const words = segment
      .split(/[\s,]+/)
      .map(trimPunctuation)
      .filter((w) => w.length > 0);
    for (let i = 0; i < words.length && budget > 0; i += 1, budget -= 1) {
      const word = words[i];
      const phrase = matchPhrase(words, i);
      if (phrase) {
        terms.push(phrase);
        i += phrase.length - 1;
        continue;
      }
      const unit = words[i + 1];
      if (/^\d+$/.test(word) && unit !== undefined && UNIT_WORDS.test(unit) && !slots.timeframe) {
        slots.timeframe = `${word}${unit.toLowerCase()}`;
        i += 1;
        continue;
      }
      if (!recognizeWord(word, slots, payload)) {
        if (weakSymbol === null && WEAK_TICKER.test(word) && !NOT_TICKERS.has(word)) {
          weakSymbol = word;
        } else {
          unparsed.push(word);
        }
      }
    }
  }

  // Exit words (including `flat`) win over entry words, as in JSON alerts.
  const chosen =
    terms.find((t) => isNonEntryIntent(t.term) || (t.term.kind === 'position' && t.term.side === 'flat')) ??
    terms.find((t) => hasDirection(t.term));
  if (chosen && !Object.hasOwn(payload, 'action') && !slots.action) {
    payload.action = chosen.phrase;
    const other = terms.find((t) => t !== chosen && hasDirection(t.term));
    if (!hasDirection(chosen.term) && other) {
      payload.direction = other.phrase;
    }
  } else if (chosen) {
    // A key=value action is already there; the words still count (an exit word must not be lost).
    setOnce(payload, 'signal', chosen.phrase);
  } else if (terms.length > 0 && !Object.hasOwn(payload, 'action')) {
    payload.action = terms[0].phrase;
  }
  const symbol = slots.symbol ?? weakSymbol;
  for (const [key, value] of [
    ['action', slots.action],
    ['symbol', symbol],
    ['timeframe', slots.timeframe],
    ['price', slots.price],
    ['timestamp', slots.timestamp],
  ] as const) {
    if (value !== undefined && value !== null) {
      setOnce(payload, key, value);
    }
  }
  if (unparsed.length > 0) {
    payload.unparsed = unparsed.join(' ');
  }
  return payload;
}

/** Fills a slot from one word; false when the word means nothing recognisable. */
function recognizeWord(word: string, slots: Partial<Record<Slot, string>>, payload: Record<string, unknown>): boolean {
  const pair = word.includes('=') ? readKeyValue(word) : null;
  if (pair) {
    setOnce(payload, pair[0], pair[1]);
    return true;
  }
  const placeholder = /^\{\{\s*([^{}]+?)\s*\}\}$/.exec(word);
  if (placeholder) {
    const slot = PLACEHOLDER_SLOTS[placeholder[1].toLowerCase()];
    if (slot && !slots[slot]) {
      slots[slot] = word;
      return true;
    }
    return false;
  }
  const at = /^([^@]+)@([^@]+)$/.exec(word);
  if (at) {
    // `MSFT@337.57`: a ticker at a price.
    const left = recognizeWord(at[1], slots, payload) || fill(slots, 'symbol', at[1], WEAK_TICKER.test(at[1]));
    const right = recognizeWord(at[2], slots, payload);
    return left || right;
  }
  if (EXCHANGE_TICKER.test(word) || /^\$[A-Za-z][A-Za-z0-9.]{0,9}$/.test(word)) {
    return fill(slots, 'symbol', word.replace(/^\$/, ''), true);
  }
  if (ISO_TIME.test(word)) {
    return fill(slots, 'timestamp', word, true);
  }
  if (NUMBER.test(word)) {
    return fill(slots, 'price', word.replace(/^\$/, ''), true);
  }
  if (/[a-z]/i.test(word) && /^\d*[a-z]+$/i.test(word) && normalizeTimeframe(word) !== null && isTimeframeWord(word)) {
    return fill(slots, 'timeframe', word, true);
  }
  return false;
}

/** Tokens like `5m`, `4H`, `1D`, `daily`; a lone `D` or `M` in prose is too ambiguous. */
function isTimeframeWord(word: string): boolean {
  return /^\d+[a-z]+$/i.test(word) || /^(daily|weekly|monthly|hourly)$/i.test(word);
}

function fill(slots: Partial<Record<Slot, string>>, slot: Slot, value: string, condition: boolean): boolean {
  if (!condition || slots[slot] !== undefined) {
    return false;
  }
  slots[slot] = value;
  return true;
}

function matchPhrase(words: string[], start: number): { phrase: string; term: Term; length: number } | null {
  for (let length = 3; length >= 1; length -= 1) {
    const part = words.slice(start, start + length);
    if (part.length !== length || part.some((w) => !/^[a-z_-]+$/i.test(w))) {
      continue;
    }
    const phrase = part.join(' ');
    const term = classifyTerm(compactWord(phrase));
    if (term) {
      return { phrase, term, length };
    }
  }
  return null;
}

function hasDirection(term: Term): boolean {
  return (
    term.kind === 'order' ||
    (term.kind === 'position' && term.side !== 'flat') ||
    (term.kind === 'intent' && term.direction !== null)
  );
}

function trimPunctuation(word: string): string {
  return word.replace(/^[("'[<\u25B2\u25BC]+/, '').replace(/[)"'\]>?;.\u25B2\u25BC]+$/, '');
}

export function setOnce(payload: Record<string, unknown>, key: string, value: unknown): void {
  if (key !== '__proto__' && !Object.hasOwn(payload, key)) {
    payload[key] = value;
  }
}
