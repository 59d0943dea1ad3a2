import fc from 'fast-check';

import { parseAlertBody } from './alert-body.parser';
import { normalizeAlert } from './alert.normalizer';

const OPTIONS = { receivedAt: new Date('2026-02-16T15:00:00Z'), requireTimeframe: false };

function ingest(raw: string): void {
  const parsed = parseAlertBody(raw);
  if (parsed.ok) {
    normalizeAlert(parsed.alert.payload, OPTIONS);
  }
}

const EXIT_WORDS = [
  'exit',
  'close',
  'flat',
  'flatten',
  'closeall',
  'close_all',
  'exit_all',
  'closelong',
  'exitlong',
  'close_long',
  'exit long',
  'long exit',
  'sell to close',
  'closeshort',
  'exitshort',
  'buy to cover',
  'cover',
  'Close Long',
  'EXIT',
];
const ENTRY_WORDS = ['buy', 'sell', 'long', 'short', 'bullish', 'bearish', 'call', 'put', 'up', 'down', 'golong'];
const EXIT_FIELDS = ['action', 'direction', 'side', 'signal', 'order_action', 'type', 'trend', 'bias'];
const OTHER_FIELDS = ['action', 'direction', 'side', 'sentiment', 'market_position', 'prev_market_position', 'trend'];

describe('ingestion properties', () => {
  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (raw) => {
        ingest(raw);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary JSON values or JSON-ish text', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        const json = JSON.stringify(value) ?? 'null';
        ingest(json);
        ingest(json.replace(/"/g, "'"));
        ingest(json.slice(0, Math.floor(json.length / 2)));
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on alert-shaped objects with hostile values', () => {
    const value = fc.oneof(fc.string(), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.jsonValue());
    const key = fc.constantFrom(
      'ticker',
      'action',
      'interval',
      'time',
      'price',
      'sentiment',
      'position_size',
      '__proto__',
    );
    fc.assert(
      fc.property(fc.dictionary(key, value), (payload) => {
        normalizeAlert(payload, OPTIONS);
        normalizeAlert(payload, { ...OPTIONS, requireTimeframe: true });
      }),
      { numRuns: 1000 },
    );
  });

  it('never turns an exit-worded alert into an entry, in JSON or in text', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...EXIT_WORDS),
        fc.constantFrom(...EXIT_FIELDS),
        fc.dictionary(fc.constantFrom(...OTHER_FIELDS), fc.constantFrom(...ENTRY_WORDS, 'flat')),
        fc.option(fc.constantFrom(0, 1, -2, '0')),
        (exitWord, exitField, others, size) => {
          const payload: Record<string, unknown> = { ticker: 'SPY', ...others, [exitField]: exitWord };
          if (size !== null) {
            payload.position_size = size;
          }
          const result = normalizeAlert(payload, OPTIONS);
          const action = result.ok ? result.signal.action : result.partial.action;
          expect(action).not.toBe('entry');
          if (result.ok) {
            expect(result.signal.action).toBe('exit');
          }

          const text = `${exitWord} SPY ${Object.values(others).join(' ')}`;
          const parsed = parseAlertBody(text);
          if (parsed.ok) {
            const fromText = normalizeAlert(parsed.alert.payload, OPTIONS);
            expect(fromText.ok ? fromText.signal.action : 'refused').not.toBe('entry');
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('gives an exit with a named side that side, whatever the other fields say', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          ['closelong', 'long'],
          ['exit_short', 'short'],
          ['buy to cover', 'short'],
          ['sell to close', 'long'],
        ),
        fc.dictionary(fc.constantFrom(...OTHER_FIELDS.filter((f) => f !== 'action')), fc.constantFrom(...ENTRY_WORDS)),
        ([word, side], others) => {
          const result = normalizeAlert({ ticker: 'SPY', ...others, action: word }, OPTIONS);
          expect(result.ok && [result.signal.action, result.signal.direction]).toEqual(['exit', side]);
        },
      ),
    );
  });
});
