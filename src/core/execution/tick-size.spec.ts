import { normalizeUnderlying, tickClassFor, tickSizeFor } from './tick-size';

describe('tickSizeFor', () => {
  it.each([
    ['SPY', 0.5, 0.01],
    ['SPY', 12.34, 0.01],
    ['QQQ', 3, 0.01],
    ['IWM', 250, 0.01],
  ])('when_%s_at_%p_then_penny_at_all_prices', (underlying, price, tick) => {
    expect(tickSizeFor(underlying, price)).toBe(tick);
  });

  it.each([
    ['AAPL', 2.99, 0.01],
    ['AAPL', 3, 0.05],
    ['NVDA', 0.05, 0.01],
    ['TSLA', 14.2, 0.05],
    ['META', 3.01, 0.05],
  ])('when_penny_program_%s_at_%p_then_%p', (underlying, price, tick) => {
    expect(tickSizeFor(underlying, price)).toBe(tick);
  });

  it.each([
    ['SPX', 2.95, 0.05],
    ['SPX', 3, 0.1],
    ['SPXW', 0.1, 0.05],
    ['NDX', 45.5, 0.1],
    ['ZZZZ', 1.2, 0.05],
    ['ZZZZ', 7.4, 0.1],
  ])('when_non_penny_%s_at_%p_then_%p', (underlying, price, tick) => {
    expect(tickSizeFor(underlying, price)).toBe(tick);
  });

  it('when_the_underlying_is_lower_case_or_prefixed_then_it_is_normalized', () => {
    expect(tickSizeFor(' spy ', 10)).toBe(0.01);
    expect(tickSizeFor('$SPX', 1)).toBe(0.05);
    expect(normalizeUnderlying('^ndx')).toBe('NDX');
  });

  it('when_an_index_class_then_it_is_never_penny', () => {
    for (const root of ['SPX', 'SPXW', 'NDX', 'RUT']) {
      expect(tickClassFor(root)).toBe('non_penny');
    }
  });
});
