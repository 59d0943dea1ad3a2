import type { SignalAction, SignalDirection } from './signal.types';

/**
 * What one word or phrase in an alert means. Order sides (buy/sell) and position states (long/short/flat) are kept
 * apart because they combine differently: a `sell` with the position still long is a partial exit, a `long` is not.
 */
export type Term =
  | { kind: 'order'; side: 'buy' | 'sell' }
  | { kind: 'position'; side: SignalDirection | 'flat' }
  | { kind: 'intent'; action: SignalAction; direction: SignalDirection | null };

const order = (side: 'buy' | 'sell'): Term => ({ kind: 'order', side });
const position = (side: SignalDirection | 'flat'): Term => ({ kind: 'position', side });
const intent = (action: SignalAction, direction: SignalDirection | null = null): Term => ({
  kind: 'intent',
  action,
  direction,
});

/** Keys are compacted: lowercase with spaces, `_` and `-` removed, so `Close Long`, `close_long` and `closelong` match. */
const VOCABULARY: ReadonlyMap<string, Term> = new Map<string, Term>([
  // Order sides. PineConnector pending commands are entries on that side.
  ...['buy', 'buylimit', 'buystop', 'buymarket'].map((w): [string, Term] => [w, order('buy')]),
  ...['sell', 'selllimit', 'sellstop', 'sellmarket'].map((w): [string, Term] => [w, order('sell')]),
  // Position states and directional words.
  ...['long', 'bull', 'bullish', 'call', 'calls', 'up', 'uptrend'].map((w): [string, Term] => [w, position('long')]),
  ...['short', 'bear', 'bearish', 'put', 'puts', 'down', 'downtrend'].map((w): [string, Term] => [
    w,
    position('short'),
  ]),
  ['flat', position('flat')],
  // Explicit entries.
  ...['golong', 'enterlong', 'openlong', 'longentry', 'entrylong', 'buytoopen'].map((w): [string, Term] => [
    w,
    intent('entry', 'long'),
  ]),
  ...['goshort', 'entershort', 'openshort', 'shortentry', 'entryshort', 'selltoopen', 'sellshort'].map(
    (w): [string, Term] => [w, intent('entry', 'short')],
  ),
  ...['entry', 'enter', 'open'].map((w): [string, Term] => [w, intent('entry')]),
  // Exits name the side they close.
  ...['closelong', 'exitlong', 'longexit', 'longclose', 'selltoclose', 'closelongvol', 'closebuy', 'exitbuy'].map(
    (w): [string, Term] => [w, intent('exit', 'long')],
  ),
  ...[
    'closeshort',
    'exitshort',
    'shortexit',
    'shortclose',
    'buytocover',
    'buytoclose',
    'cover',
    'closeshortvol',
    'closesell',
    'exitsell',
  ].map((w): [string, Term] => [w, intent('exit', 'short')]),
  ...[
    'exit',
    'close',
    'flatten',
    'closeall',
    'exitall',
    'closeposition',
    'closepositions',
    'exitposition',
    'closelongshort',
    'liquidate',
    'takeprofit',
    'stoploss',
    'closeatmarket',
    'closeatmarketprice',
    'exitatmarket',
    'marketclose',
  ].map((w): [string, Term] => [w, intent('exit')]),
  ...['cancel', 'cancelall', 'cancelorder', 'cancelorders'].map((w): [string, Term] => [w, intent('cancel')]),
  ['cancellong', intent('cancel', 'long')],
  ['cancelbuy', intent('cancel', 'long')],
  ['cancelshort', intent('cancel', 'short')],
  ['cancelsell', intent('cancel', 'short')],
  ...['add', 'scalein', 'pyramid'].map((w): [string, Term] => [w, intent('add')]),
  ...['addlong', 'addtolong', 'addbuy'].map((w): [string, Term] => [w, intent('add', 'long')]),
  ...['addshort', 'addtoshort', 'addsell'].map((w): [string, Term] => [w, intent('add', 'short')]),
]);

export function compactWord(text: string): string {
  return text.toLowerCase().replace(/[\s_-]+/g, '');
}

/** The meaning of a whole field value or phrase, or null when it is not a trading word. */
export function classifyTerm(text: string): Term | null {
  if (text.length > 40) {
    return null;
  }
  return VOCABULARY.get(compactWord(text.trim())) ?? null;
}

/** Whether a term closes, cancels or adds rather than opening. */
export function isNonEntryIntent(term: Term): boolean {
  return term.kind === 'intent' && term.action !== 'entry';
}
