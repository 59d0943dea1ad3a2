import { normalizeAlert } from './alert.normalizer';
import type { NormalizeResult } from './signal.types';

const RECEIVED_AT = new Date('2026-02-16T15:00:00Z');
const OPTIONS = { receivedAt: RECEIVED_AT, requireTimeframe: false };

function refused(result: NormalizeResult): Extract<NormalizeResult, { ok: false }> {
  if (result.ok) {
    throw new Error('expected a refusal');
  }
  return result;
}

function accepted(result: NormalizeResult): Extract<NormalizeResult, { ok: true }> {
  if (!result.ok) {
    throw new Error(`refused ${result.reasonCode}: ${JSON.stringify(result.errors)}`);
  }
  return result;
}

describe('normalizeAlert', () => {
  describe('symbol', () => {
    it('splits an exchange prefix and uppercases', () => {
      const { signal } = accepted(normalizeAlert({ ticker: 'amex:spy', action: 'buy' }, OPTIONS));
      expect([signal.symbol, signal.exchange]).toEqual(['SPY', 'AMEX']);
    });

    it('keeps continuous futures and pairs, and reads the exchange field', () => {
      expect(accepted(normalizeAlert({ symbol: 'ES1!', side: 'buy' }, OPTIONS)).signal.symbol).toBe('ES1!');
      const { signal } = accepted(normalizeAlert({ symbol: 'BTCUSDT', exchange: 'binance', side: 'buy' }, OPTIONS));
      expect([signal.symbol, signal.exchange]).toEqual(['BTCUSDT', 'BINANCE']);
    });

    it('reads case-insensitive and nested aliases in priority order', () => {
      expect(accepted(normalizeAlert({ TICKER: 'qqq', action: 'buy' }, OPTIONS)).signal.symbol).toBe('QQQ');
      expect(accepted(normalizeAlert({ meta: { ticker: 'IWM' }, action: 'buy' }, OPTIONS)).signal.symbol).toBe('IWM');
      expect(accepted(normalizeAlert({ syminfo: { ticker: 'DIA' }, action: 'buy' }, OPTIONS)).signal.symbol).toBe(
        'DIA',
      );
    });

    it('refuses a missing symbol with the documented field error', () => {
      const result = refused(normalizeAlert({ price: 595.42, action: 'buy' }, OPTIONS));
      expect(result.reasonCode).toBe('missing_symbol');
      expect(result.errors).toContainEqual({
        field: 'symbol',
        message: 'symbol is required (symbol, ticker or meta.ticker)',
      });
      expect(result.partial.price).toBe(595.42);
    });

    it.each(['SPY 250624C596', 'SPY260220C00596000', 'SPY   260220P00596000', 'BRK.B 260116C400.5'])(
      'reads the option contract %p as its underlying, with a warning',
      (symbol) => {
        const result = accepted(normalizeAlert({ symbol, action: 'buy' }, OPTIONS));
        expect(result.signal.symbol).toBe(symbol.split(/[\s\d]/)[0]);
        expect(result.warnings.join(' ')).toContain('option contract');
      },
    );

    it('lifts an alert wrapped in a data object', () => {
      const result = accepted(normalizeAlert({ data: { ticker: 'QQQ', action: 'sell' }, key: 'x' }, OPTIONS));
      expect(result.signal).toMatchObject({ symbol: 'QQQ', action: 'entry', direction: 'short' });
    });

    it.each(['A'.repeat(21), 'SP$Y', 'A:B:C', 'SPY 2506C596'])('refuses %p as invalid_symbol', (symbol) => {
      expect(refused(normalizeAlert({ symbol, action: 'buy' }, OPTIONS)).reasonCode).toBe('invalid_symbol');
    });
  });

  describe('timeframe', () => {
    it('stores unknown when absent, unless a timeframe is required', () => {
      expect(accepted(normalizeAlert({ ticker: 'SPY', action: 'buy' }, OPTIONS)).signal.timeframe).toBe('unknown');
      const result = refused(normalizeAlert({ ticker: 'SPY', action: 'buy' }, { ...OPTIONS, requireTimeframe: true }));
      expect(result.reasonCode).toBe('missing_timeframe');
    });

    it('refuses a present but unreadable timeframe', () => {
      const result = refused(normalizeAlert({ ticker: 'SPY', action: 'buy', interval: 'soon' }, OPTIONS));
      expect(result.reasonCode).toBe('invalid_timeframe');
      expect(result.errors[0].field).toBe('interval');
    });
  });

  describe('timestamp', () => {
    it.each([
      [1771253700, '2026-02-16T14:55:00.000Z'],
      ['1771253700', '2026-02-16T14:55:00.000Z'],
      [1771253700123, '2026-02-16T14:55:00.123Z'],
      ['2026-02-16T14:55:00Z', '2026-02-16T14:55:00.000Z'],
      ['2026-02-16T14:55:00', '2026-02-16T14:55:00.000Z'],
      ['2026-02-16 14:55:00', '2026-02-16T14:55:00.000Z'],
      ['2026-02-16T09:55:00-05:00', '2026-02-16T14:55:00.000Z'],
    ])('reads %p as %p', (timestamp, iso) => {
      const { signal } = accepted(normalizeAlert({ ticker: 'SPY', action: 'buy', timestamp }, OPTIONS));
      expect(signal.timestamp.toISOString()).toBe(iso);
      expect(signal.timestampSource).toBe('payload');
    });

    it('falls back to the receipt time', () => {
      const { signal } = accepted(normalizeAlert({ ticker: 'SPY', action: 'buy' }, OPTIONS));
      expect(signal.timestamp).toEqual(RECEIVED_AT);
      expect(signal.timestampSource).toBe('received');
    });

    it.each(['yesterday', '1999-12-31T23:59:59Z', '2026-02-18T15:00:00Z', '2026-02-30T10:00:00Z', 0])(
      'refuses %p as invalid_timestamp',
      (timestamp) => {
        const result = refused(normalizeAlert({ ticker: 'SPY', action: 'buy', timestamp }, OPTIONS));
        expect(result.reasonCode).toBe('invalid_timestamp');
      },
    );
  });

  describe('numbers', () => {
    it('reads numbers sent as strings', () => {
      const { signal } = accepted(
        normalizeAlert(
          { ticker: 'SPY', action: 'buy', price: '595.42', qty: '3', confidence: '75', mtf_alignment: 70 },
          OPTIONS,
        ),
      );
      expect([signal.price, signal.quantity, signal.confidence, signal.mtfAlignment]).toEqual([595.42, 3, 75, 70]);
    });

    it('clamps out-of-range scores and ignores unreadable ones, with warnings', () => {
      const result = accepted(
        normalizeAlert({ ticker: 'SPY', action: 'buy', confidence: 140, pattern_strength: 'high' }, OPTIONS),
      );
      expect(result.signal.confidence).toBe(100);
      expect(result.signal.patternStrength).toBeNull();
      expect(result.warnings).toHaveLength(2);
    });
  });

  it('reads test metadata from the top level or metadata', () => {
    const { signal } = accepted(
      normalizeAlert(
        { ticker: 'SPY', action: 'buy', metadata: { is_test: 'true', test_session_id: 'abc', test_scenario: 'gap' } },
        OPTIONS,
      ),
    );
    expect([signal.isTest, signal.testSessionId, signal.testScenario]).toEqual([true, 'abc', 'gap']);
  });

  describe('placeholders', () => {
    it('refuses a placeholder in a field it reads, naming the field and the placeholder', () => {
      const result = refused(
        normalizeAlert({ ticker: '{{ticker}}', action: 'buy', interval: '{{interval}}' }, OPTIONS),
      );
      expect(result.reasonCode).toBe('unsubstituted_placeholder');
      expect(result.errors).toEqual(
        expect.arrayContaining([
          { field: 'ticker', message: 'unsubstituted TradingView placeholder {{ticker}}' },
          { field: 'interval', message: 'unsubstituted TradingView placeholder {{interval}}' },
        ]),
      );
    });

    it('refuses a placeholder in the action without also claiming the direction is missing', () => {
      const result = refused(normalizeAlert({ ticker: 'SPY', action: '{{strategy.order.action}}' }, OPTIONS));
      expect(result.errors).toEqual([
        { field: 'action', message: 'unsubstituted TradingView placeholder {{strategy.order.action}}' },
      ]);
    });

    it('only warns about a placeholder in a field it does not read', () => {
      const result = accepted(normalizeAlert({ ticker: 'SPY', action: 'buy', note: '{{plot_0}}' }, OPTIONS));
      expect(result.warnings).toEqual(["unsubstituted placeholder {{plot_0}} in unused field 'note'"]);
    });
  });
});
