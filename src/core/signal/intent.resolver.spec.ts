import { normalizeAlert } from './alert.normalizer';
import type { NormalizeResult } from './signal.types';

const OPTIONS = { receivedAt: new Date('2026-02-16T15:00:00Z'), requireTimeframe: false };

function intentOf(payload: Record<string, unknown>): [string, string | null] | string {
  const result: NormalizeResult = normalizeAlert({ ticker: 'SPY', ...payload }, OPTIONS);
  return result.ok ? [result.signal.action, result.signal.direction] : result.reasonCode;
}

describe('action and direction', () => {
  it.each([
    ['buy', 'long'],
    ['BUY', 'long'],
    ['long', 'long'],
    ['bull', 'long'],
    ['Bullish', 'long'],
    ['call', 'long'],
    ['CALLS', 'long'],
    ['up', 'long'],
    ['golong', 'long'],
    ['enter_long', 'long'],
    ['sell', 'short'],
    ['SHORT', 'short'],
    ['bear', 'short'],
    ['bearish', 'short'],
    ['PUT', 'short'],
    ['puts', 'short'],
    ['down', 'short'],
  ])('reads entry word %p as a %p entry', (word, direction) => {
    expect(intentOf({ action: word })).toEqual(['entry', direction]);
    expect(intentOf({ direction: word })).toEqual(['entry', direction]);
  });

  it.each([
    ['closelong', 'long'],
    ['exitlong', 'long'],
    ['close_long', 'long'],
    ['exit long', 'long'],
    ['long exit', 'long'],
    ['Sell to close', 'long'],
    ['closeshort', 'short'],
    ['exitshort', 'short'],
    ['buy to cover', 'short'],
    ['cover', 'short'],
  ])('reads exit word %p as closing the %p side', (word, direction) => {
    expect(intentOf({ action: word })).toEqual(['exit', direction]);
  });

  it.each(['exit', 'close', 'flat', 'flatten', 'closeall', 'close_all', 'exit_all'])(
    'reads %p without a side as an exit of unknown direction',
    (word) => {
      expect(intentOf({ action: word })).toEqual(['exit', null]);
    },
  );

  it('takes the closed side of a plain exit from prev_market_position, then from side', () => {
    expect(intentOf({ action: 'exit', prev_market_position: 'short' })).toEqual(['exit', 'short']);
    expect(intentOf({ action: 'close', side: 'long' })).toEqual(['exit', 'long']);
    expect(intentOf({ action: 'close', side: 'sell' })).toEqual(['exit', 'long']);
    expect(intentOf({ action: 'close', side: 'buy' })).toEqual(['exit', 'short']);
  });

  it('treats a sell that leaves the position flat as closing a long, and a buy as covering a short', () => {
    expect(intentOf({ action: 'sell', sentiment: 'flat' })).toEqual(['exit', 'long']);
    expect(intentOf({ action: 'buy', sentiment: 'flat' })).toEqual(['exit', 'short']);
    expect(intentOf({ action: 'sell', market_position: 'flat' })).toEqual(['exit', 'long']);
    expect(intentOf({ strategy: { order: { action: 'buy' }, market_position: 'flat' } })).toEqual(['exit', 'short']);
  });

  it('treats a TradersPost sell with bullish sentiment as reducing a long', () => {
    expect(intentOf({ action: 'sell', sentiment: 'bullish' })).toEqual(['exit', 'long']);
    expect(intentOf({ action: 'buy', sentiment: 'bearish' })).toEqual(['exit', 'short']);
  });

  it('treats a position size of zero as an exit, side from prev_market_position else from the order', () => {
    expect(intentOf({ action: 'buy', position_size: 0, prev_market_position: 'short' })).toEqual(['exit', 'short']);
    expect(intentOf({ action: 'sell', position_size: '0' })).toEqual(['exit', 'long']);
    expect(intentOf({ action: 'buy', market_position_size: 0 })).toEqual(['exit', 'short']);
  });

  it('reads a reversal (long after short) as a long entry', () => {
    expect(intentOf({ action: 'buy', market_position: 'long', prev_market_position: 'short' })).toEqual([
      'entry',
      'long',
    ]);
  });

  it('reads a buy that keeps an existing long as an add', () => {
    expect(intentOf({ action: 'buy', market_position: 'long', prev_market_position: 'long' })).toEqual(['add', 'long']);
  });

  it.each([
    ['cancel', null],
    ['cancel_all', null],
    ['cancellong', 'long'],
    ['cancelshort', 'short'],
  ])('reads %p as a cancel', (word, direction) => {
    expect(intentOf({ action: word })).toEqual(['cancel', direction]);
  });

  it.each([
    ['add', null],
    ['add_long', 'long'],
    ['addlong', 'long'],
    ['scale_in', null],
    ['pyramid', null],
  ])('reads %p as an add', (word, direction) => {
    expect(intentOf({ action: word })).toEqual(['add', direction]);
  });

  it('reads nested and deep direction fields', () => {
    expect(intentOf({ signal: { direction: 'short' } })).toEqual(['entry', 'short']);
    expect(intentOf({ execution_guidance: { bias: 'bullish' } })).toEqual(['entry', 'long']);
    expect(intentOf({ market: { market_bias: 'bearish' } })).toEqual(['entry', 'short']);
    expect(intentOf({ trend: 'up' })).toEqual(['entry', 'long']);
  });

  it('lets an exit word anywhere win over an entry word elsewhere', () => {
    expect(intentOf({ action: 'buy', direction: 'exit' })).toEqual(['exit', 'short']);
    expect(intentOf({ action: 'sell', type: 'close' })).toEqual(['exit', 'long']);
    expect(intentOf({ direction: 'long', action: 'flat' })).toEqual(['exit', 'long']);
  });

  it('refuses an alert without a side as missing_direction', () => {
    expect(intentOf({})).toBe('missing_direction');
    expect(intentOf({ action: 'entry' })).toBe('missing_direction');
  });

  it('refuses an unreadable action as missing_action, naming the field', () => {
    const result = normalizeAlert({ ticker: 'SPY', action: 'moon' }, OPTIONS);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reasonCode).toBe('missing_action');
      expect(result.errors[0].field).toBe('action');
    }
  });
});
