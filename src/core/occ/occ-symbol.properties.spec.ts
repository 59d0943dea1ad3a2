import fc from 'fast-check';

import { formatOccSymbol, OCC_MAX_STRIKE_MILLIS, parseOccSymbol } from './occ-symbol';
import type { OccContract } from './occ-symbol';

const LETTER = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split(''));
const ROOT_CHAR = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.split(''));
const root = fc.tuple(LETTER, fc.array(ROOT_CHAR, { maxLength: 5 })).map(([first, rest]) => first + rest.join(''));
const expiration = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const contract: fc.Arbitrary<OccContract> = fc.record({
  underlying: root,
  expiration,
  type: fc.constantFrom('call' as const, 'put' as const),
  strike: fc.integer({ min: 1, max: OCC_MAX_STRIKE_MILLIS }).map((millis) => millis / 1000),
});

describe('OCC symbol properties', () => {
  it('format then parse then format gives the same symbol and contract', () => {
    fc.assert(
      fc.property(contract, (c) => {
        const symbol = formatOccSymbol(c);
        expect(symbol).toHaveLength(c.underlying.length + 15);
        const parsed = parseOccSymbol(symbol);
        expect(parsed).toEqual({ ok: true, value: c });
        if (parsed.ok) {
          expect(formatOccSymbol(parsed.value)).toBe(symbol);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('the padded and O:-prefixed forms parse to the same contract', () => {
    fc.assert(
      fc.property(contract, (c) => {
        const symbol = formatOccSymbol(c);
        const padded = c.underlying.padEnd(6, ' ') + symbol.slice(c.underlying.length);
        expect(padded).toHaveLength(21);
        expect(parseOccSymbol(padded)).toEqual({ ok: true, value: c });
        expect(parseOccSymbol(`O:${symbol}`)).toEqual({ ok: true, value: c });
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const parsed = parseOccSymbol(text);
        if (parsed.ok) {
          expect(formatOccSymbol(parsed.value)).toBe(text.trim().toUpperCase().replace(/^O:/, '').replace(/ +/, ''));
        }
      }),
      { numRuns: 3000 },
    );
  });
});
