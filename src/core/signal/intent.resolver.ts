import { classifyTerm, isNonEntryIntent, type Term } from './alert-vocabulary';
import { toNumber } from './numeric-fields';
import type { FieldReader, PayloadLeaf } from './payload-fields';
import {
  ACTION_FIELDS,
  DIRECTION_FIELDS,
  POSITION_FIELDS,
  POSITION_SIZE_FIELDS,
  PREV_POSITION_FIELDS,
} from './signal-fields';
import type { FieldError, SignalAction, SignalDirection } from './signal.types';

export type IntentResult =
  | { ok: true; action: SignalAction; direction: SignalDirection | null; warnings: string[] }
  | { ok: false; reasonCode: 'missing_action' | 'missing_direction'; errors: FieldError[]; action?: SignalAction };

interface Found {
  field: string;
  term: Term;
}

/**
 * Action and direction from every field that may carry them.
 *
 * Invariant: an alert with an exit, cancel or add word in any verb or direction field never resolves to an entry,
 * and an exit's direction is the side it closes, never the side an opposite order would open.
 */
export function resolveIntent(reader: FieldReader): IntentResult {
  const verbLeaves = reader.all([...ACTION_FIELDS, ...DIRECTION_FIELDS]);
  const primary: Found[] = [];
  const unreadable: PayloadLeaf[] = [];
  let placeholderSkipped = false;
  for (const leaf of verbLeaves) {
    if (reader.isPlaceholder(leaf)) {
      placeholderSkipped = true;
      continue;
    }
    const term = typeof leaf.value === 'string' ? classifyTerm(leaf.value) : null;
    if (term) {
      // In a verb or direction field, `flat` is an instruction to close.
      primary.push({
        field: leaf.path,
        term: isFlat(term) ? { kind: 'intent', action: 'exit', direction: null } : term,
      });
    } else if (isVerbField(leaf)) {
      unreadable.push(leaf);
    }
  }
  const after = positionFrom(reader, POSITION_FIELDS);
  const before = positionFrom(reader, PREV_POSITION_FIELDS);
  const size = sizeFrom(reader);
  const warnings: string[] = [];

  const explicit = primary.find((f) => isNonEntryIntent(f.term));
  if (explicit && explicit.term.kind === 'intent') {
    const { action } = explicit.term;
    const others = primary.filter((f) => f !== explicit).map((f) => f.term);
    const direction =
      explicit.term.direction ??
      (action === 'exit' ? closedSide(before, others) : (openedSide(others) ?? sideOf(after) ?? null));
    return { ok: true, action, direction, warnings };
  }

  const base = primary.find((f) => directionOf(f.term) !== null)?.term ?? (after ? positionTerm(after) : null);
  const flatAfter = after === 'flat' || size === 0;
  if (!base) {
    if (flatAfter) {
      return { ok: true, action: 'exit', direction: sideOf(before), warnings };
    }
    // The placeholder error already explains why nothing could be read.
    return placeholderSkipped ? { ok: false, reasonCode: 'missing_action', errors: [] } : missing(primary, unreadable);
  }

  if (flatAfter) {
    const direction = sideOf(before) ?? (base.kind === 'order' ? (base.side === 'sell' ? 'long' : 'short') : null);
    return { ok: true, action: 'exit', direction, warnings };
  }
  if (base.kind === 'order') {
    return { ok: true, ...orderWithPosition(base.side, after, before), warnings };
  }
  const direction = directionOf(base);
  if (direction === null) {
    return missing(primary, unreadable);
  }
  const opposite = primary.find((f) => {
    const d = directionOf(f.term);
    return d !== null && d !== direction;
  });
  if (opposite) {
    warnings.push(`conflicting direction in '${opposite.field}' ignored`);
  }
  return { ok: true, action: 'entry', direction, warnings };
}

/** A TradingView/TradersPost order side read against the position it leaves. */
function orderWithPosition(
  side: 'buy' | 'sell',
  after: SignalDirection | 'flat' | null,
  before: SignalDirection | 'flat' | null,
): { action: SignalAction; direction: SignalDirection } {
  const opens: SignalDirection = side === 'buy' ? 'long' : 'short';
  const closes: SignalDirection = side === 'buy' ? 'short' : 'long';
  if (after === closes) {
    // A sell that leaves the strategy long reduced a long; a buy that leaves it short covered part of a short.
    return { action: 'exit', direction: closes };
  }
  if (after === opens && before === opens) {
    return { action: 'add', direction: opens };
  }
  return { action: 'entry', direction: opens };
}

function closedSide(before: SignalDirection | 'flat' | null, others: Term[]): SignalDirection | null {
  const previous = sideOf(before);
  if (previous) {
    return previous;
  }
  for (const term of others) {
    if (term.kind === 'position' && term.side !== 'flat') {
      return term.side;
    }
    if (term.kind === 'order') {
      // Sell to close a long, buy to cover a short.
      return term.side === 'sell' ? 'long' : 'short';
    }
  }
  return null;
}

function openedSide(others: Term[]): SignalDirection | null {
  for (const term of others) {
    const direction = directionOf(term);
    if (direction) {
      return direction;
    }
  }
  return null;
}

function directionOf(term: Term): SignalDirection | null {
  switch (term.kind) {
    case 'order':
      return term.side === 'buy' ? 'long' : 'short';
    case 'position':
      return term.side === 'flat' ? null : term.side;
    case 'intent':
      return term.direction;
  }
}

function positionFrom(reader: FieldReader, fields: readonly string[]): SignalDirection | 'flat' | null {
  for (const leaf of reader.all(fields)) {
    const term = typeof leaf.value === 'string' && !reader.isPlaceholder(leaf) ? classifyTerm(leaf.value) : null;
    if (term?.kind === 'position') {
      return term.side;
    }
  }
  return null;
}

function sizeFrom(reader: FieldReader): number | null {
  for (const leaf of reader.all(POSITION_SIZE_FIELDS)) {
    const n = toNumber(leaf.value);
    if (n !== null) {
      return n;
    }
  }
  return null;
}

function positionTerm(side: SignalDirection | 'flat'): Term {
  return { kind: 'position', side };
}

function sideOf(position: SignalDirection | 'flat' | null): SignalDirection | null {
  return position === 'long' || position === 'short' ? position : null;
}

function isFlat(term: Term): boolean {
  return term.kind === 'position' && term.side === 'flat';
}

function isVerbField(leaf: PayloadLeaf): boolean {
  // Free-text comments and order types (`market`, `limit`) are not expected to be trading words.
  const canonical = leaf.canonical;
  return !['comment', 'ordercomment', 'strategyordercomment', 'ordertype', 'type'].includes(canonical);
}

function missing(primary: Found[], unreadable: PayloadLeaf[]): IntentResult {
  const entryWithoutSide = primary.some((f) => f.term.kind === 'intent' && f.term.action === 'entry');
  if (!entryWithoutSide && unreadable.length > 0) {
    return {
      ok: false,
      reasonCode: 'missing_action',
      errors: unreadable.map((leaf) => ({
        field: leaf.path,
        message: `unrecognised action '${clip(leaf.value)}' (buy, sell, long, short, exit, close, cancel, add...)`,
      })),
    };
  }
  return {
    ok: false,
    reasonCode: 'missing_direction',
    action: entryWithoutSide ? 'entry' : undefined,
    errors: [
      {
        field: 'direction',
        message: 'direction is required (action, direction, side, signal, sentiment or market_position)',
      },
    ],
  };
}

function clip(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  return text.length > 30 ? `${text.slice(0, 30)}…` : text;
}
