import { formatOccSymbol, InvalidOccContractError, parseOccSymbol } from './occ-symbol';
import type { OccContract } from './occ-symbol';

const SPY_596_CALL: OccContract = { underlying: 'SPY', expiration: '2026-02-20', type: 'call', strike: 596 };

function parseError(symbol: string): string {
  const result = parseOccSymbol(symbol);
  if (result.ok) {
    throw new Error(`expected '${symbol}' to be rejected`);
  }
  return result.error;
}

describe('formatOccSymbol', () => {
  it('writes root, YYMMDD, C and the strike x 1000 on 8 digits', () => {
    expect(formatOccSymbol(SPY_596_CALL)).toBe('SPY260220C00596000');
  });

  it.each([
    [4.5, '00004500'],
    [6000, '06000000'],
    [596.125, '00596125'],
    [0.001, '00000001'],
    [99999.999, '99999999'],
    [12.3, '00012300'],
  ])('encodes strike %p as %s', (strike, digits) => {
    expect(formatOccSymbol({ ...SPY_596_CALL, strike })).toBe(`SPY260220C${digits}`);
  });

  it('writes P for puts', () => {
    expect(formatOccSymbol({ ...SPY_596_CALL, type: 'put' })).toBe('SPY260220P00596000');
  });

  it.each(['SPXW', 'BRKB', 'SPY1', 'A', 'GOOGL1'])('accepts the root %s', (underlying) => {
    expect(formatOccSymbol({ ...SPY_596_CALL, underlying })).toBe(`${underlying}260220C00596000`);
  });

  it('uppercases and trims the root', () => {
    expect(formatOccSymbol({ ...SPY_596_CALL, underlying: ' spy ' })).toBe('SPY260220C00596000');
  });

  it.each([
    [0, 'must be a positive number'],
    [-5, 'must be a positive number'],
    [Number.NaN, 'must be a positive number'],
    [Number.POSITIVE_INFINITY, 'must be a positive number'],
    [100000, 'does not fit 8 digits'],
    [596.0005, 'not a multiple of 0.001'],
    [1e-4, 'not a multiple of 0.001'],
  ])('rejects strike %p (%s)', (strike, message) => {
    expect(() => formatOccSymbol({ ...SPY_596_CALL, strike })).toThrow(InvalidOccContractError);
    expect(() => formatOccSymbol({ ...SPY_596_CALL, strike })).toThrow(message);
  });

  it.each([
    ['TOOLONG', 'too long'],
    ['', 'missing root'],
    ['BRK.B', 'must be A-Z then A-Z or 0-9'],
    ['1SPY', 'must be A-Z then A-Z or 0-9'],
  ])('rejects the root %p (%s)', (underlying, message) => {
    expect(() => formatOccSymbol({ ...SPY_596_CALL, underlying })).toThrow(message);
  });

  it.each([
    ['2026-2-20', 'not YYYY-MM-DD'],
    ['2026-13-01', 'month 13'],
    ['2026-02-30', 'day 30'],
    ['2025-02-29', 'day 29'],
    ['1999-12-17', 'outside 2000-2099'],
  ])('rejects the expiration %p (%s)', (expiration, message) => {
    expect(() => formatOccSymbol({ ...SPY_596_CALL, expiration })).toThrow(message);
  });

  it('accepts 29 February of a leap year', () => {
    expect(formatOccSymbol({ ...SPY_596_CALL, expiration: '2028-02-29' })).toBe('SPY280229C00596000');
  });
});

describe('parseOccSymbol', () => {
  it('reads the compact form', () => {
    expect(parseOccSymbol('SPY260220C00596000')).toEqual({ ok: true, value: SPY_596_CALL });
  });

  it('reads the space-padded OSI form', () => {
    expect(parseOccSymbol('SPY   260220C00596000')).toEqual({ ok: true, value: SPY_596_CALL });
  });

  it("reads Polygon's O: prefix", () => {
    expect(parseOccSymbol('O:SPY260220C00596000')).toEqual({ ok: true, value: SPY_596_CALL });
  });

  it('reads lowercase and surrounding whitespace', () => {
    expect(parseOccSymbol('  o:spy260220c00596000 ')).toEqual({ ok: true, value: SPY_596_CALL });
  });

  it('reads puts, fractional strikes and roots ending in digits', () => {
    expect(parseOccSymbol('SPXW  251219P06000500')).toEqual({
      ok: true,
      value: { underlying: 'SPXW', expiration: '2025-12-19', type: 'put', strike: 6000.5 },
    });
    expect(parseOccSymbol('SPY1260220C00004500')).toEqual({
      ok: true,
      value: { underlying: 'SPY1', expiration: '2026-02-20', type: 'call', strike: 4.5 },
    });
  });

  it('reads a six-letter root without padding', () => {
    expect(parseOccSymbol('GOOGL1260320C00150000')).toMatchObject({ ok: true, value: { underlying: 'GOOGL1' } });
  });

  it.each([
    ['SPY261330C00596000', "bad date: '261330' has month 13"],
    ['SPY260230C00596000', "bad date: '260230' has day 30 (2026-02 has 28 days)"],
    ['SPY260200C00596000', 'has day 0'],
    ['SPY260220X00596000', "bad type letter 'X'"],
    ['SPY260220C0596000', "bad strike digits '0596000'"],
    ['SPY260220C005960000', "bad strike digits '005960000'"],
    ['SPY260220C596.5', "bad strike digits '596.5'"],
    ['SPY260220C00000000', 'the strike must be positive'],
    ['TOOLONGX260220C00596000', "root 'TOOLONGX' is too long (8 characters, at most 6)"],
    ['BRK.B260220C00596000', "root 'BRK.B' must be A-Z then A-Z or 0-9"],
    ['260220C00596000', 'missing root'],
    ['SPY  260220C00596000', "padded root 'SPY  '"],
    ['SPY2602C00596000', 'no YYMMDD date followed by a type letter'],
    ['SPY', 'too short'],
    ['', 'empty OCC symbol'],
    ['O:', 'empty OCC symbol'],
  ])('rejects %p naming what is wrong', (symbol, message) => {
    expect(parseError(symbol)).toContain(message);
  });
});
