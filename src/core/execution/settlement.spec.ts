import { intrinsicValue, settlementPrice, settlementStyleFor } from './settlement';

describe('intrinsicValue', () => {
  it.each([
    ['call', 596, 601.37, '5.3700'],
    ['call', 596, 590, '0.0000'],
    ['put', '596', '590.25', '5.7500'],
    ['put', 596, 601, '0.0000'],
    ['call', 100, 100, '0.0000'],
  ] as const)('when_%s_strike_%p_underlying_%p_then_%s', (type, strike, underlying, expected) => {
    expect(intrinsicValue(type, strike, underlying)).toBe(expected);
  });

  it('when_a_price_is_negative_then_throws', () => {
    expect(() => intrinsicValue('call', 10, -1)).toThrow(RangeError);
  });
});

describe('settlementPrice', () => {
  it('when_an_spx_call_expires_in_the_money_then_cash_settles_at_the_close', () => {
    expect(settlementPrice({ type: 'call', strike: 6000, underlying: 'SPXW', underlyingClose: '6012.34' })).toEqual({
      price: '12.3400',
      style: 'cash',
      inTheMoney: true,
    });
  });

  it('when_an_equity_put_expires_out_of_the_money_then_settles_at_zero', () => {
    expect(settlementPrice({ type: 'put', strike: 180, underlying: 'AAPL', underlyingClose: 185.2 })).toEqual({
      price: '0.0000',
      style: 'physical',
      inTheMoney: false,
    });
  });

  it('when_an_etf_option_then_physical_and_index_options_then_cash', () => {
    expect(settlementStyleFor('SPY')).toBe('physical');
    for (const root of ['SPX', 'SPXW', 'NDX', 'RUT', 'XSP']) {
      expect(settlementStyleFor(root)).toBe('cash');
    }
  });
});
