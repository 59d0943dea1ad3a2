import {
  averageEntry,
  costBasis,
  InvalidCloseQuantityError,
  partialClose,
  pnlPercent,
  pnlR,
  realizedPnl,
  unrealizedPnl,
} from './pnl';

describe('section 17 trace (steps 8-11): SPY 596C, 9 contracts', () => {
  it('when_marked_at_3_78_then_unrealized_is_234_00', () => {
    expect(unrealizedPnl(3.52, 3.78, 9)).toBe('234.00');
    expect(unrealizedPnl('3.5200', '3.7800', 9)).toBe('234.00');
  });

  it('when_the_exit_signal_sees_5_30_then_pnl_percent_is_50_57', () => {
    expect(pnlPercent(3.52, 5.3)).toBe('50.57');
  });

  it('when_filled_out_at_5_28_then_realized_1584_00_percent_50_00_r_50_00', () => {
    const realized = realizedPnl(3.52, 5.28, 9);
    expect(realized).toBe('1584.00');
    expect(pnlPercent(3.52, 5.28)).toBe('50.00');
    expect(costBasis(3.52, 9)).toBe('3168.00');
    expect(pnlR(realized, costBasis(3.52, 9))).toBe('50.00');
  });

  it('when_the_whole_position_is_closed_through_partialClose_then_it_matches', () => {
    expect(partialClose({ quantity: 9, entryPrice: '3.5200', realizedPnl: null }, 9, '5.2800')).toEqual({
      remainingQuantity: 0,
      realizedThisFill: '1584.00',
      realizedTotal: '1584.00',
      closed: true,
    });
  });
});

describe('unrealizedPnl', () => {
  it('when_the_mark_is_below_entry_then_negative', () => {
    expect(unrealizedPnl(2.05, 1.4, 3)).toBe('-195.00');
  });

  it('when_binary_floats_would_drift_then_stays_exact', () => {
    // 0.3 - 0.1 in floats is 0.19999999999999998.
    expect(unrealizedPnl(0.1, 0.3, 1)).toBe('20.00');
  });
});

describe('realizedPnl', () => {
  it('when_costs_are_given_then_subtracts_them', () => {
    expect(realizedPnl(3.52, 5.28, 9, { commission: '5.85', fees: 0.25 })).toBe('1577.90');
  });

  it('when_costs_are_empty_then_gross', () => {
    expect(realizedPnl('1.00', '0.50', 2, {})).toBe('-100.00');
  });

  it('when_an_input_is_not_a_number_then_throws', () => {
    expect(() => realizedPnl('abc', 1, 1)).toThrow(RangeError);
  });
});

describe('pnlPercent and pnlR', () => {
  it('when_rounding_half_way_then_rounds_away_from_zero', () => {
    // (1.00125 - 1) / 1 * 100 = 0.125 -> 0.13; negative -> -0.13
    expect(pnlPercent(1, 1.00125)).toBe('0.13');
    expect(pnlPercent(1, 0.99875)).toBe('-0.13');
  });

  it('when_entry_or_cost_basis_is_zero_then_throws', () => {
    expect(() => pnlPercent(0, 1)).toThrow(RangeError);
    expect(() => pnlR(100, 0)).toThrow(RangeError);
  });

  it('when_costs_reduce_realized_then_r_is_below_the_price_return', () => {
    expect(pnlR('1577.90', '3168.00')).toBe('49.81');
  });
});

describe('averageEntry', () => {
  it('when_adding_to_a_position_then_weights_by_quantity_at_4_dp', () => {
    expect(averageEntry(9, 3.52, 3, 3.8)).toBe('3.5900');
    expect(averageEntry(2, '1.00', 1, '1.01')).toBe('1.0033');
  });

  it('when_the_position_was_empty_then_takes_the_add_price', () => {
    expect(averageEntry(0, 0, 5, 2.15)).toBe('2.1500');
  });

  it('when_both_quantities_are_zero_then_throws', () => {
    expect(() => averageEntry(0, 1, 0, 1)).toThrow(RangeError);
  });
});

describe('partialClose', () => {
  const position = { quantity: 9, entryPrice: '3.5200', realizedPnl: null };

  it('when_closing_part_then_books_this_fill_and_keeps_the_rest_open', () => {
    expect(partialClose(position, 4, '4.00', { commission: '2.60', fees: '0.08' })).toEqual({
      remainingQuantity: 5,
      realizedThisFill: '189.32',
      realizedTotal: '189.32',
      closed: false,
    });
  });

  it('when_earlier_closes_booked_pnl_then_adds_to_it', () => {
    const result = partialClose({ ...position, quantity: 5, realizedPnl: '189.32' }, 5, '5.28');
    expect(result).toEqual({
      remainingQuantity: 0,
      realizedThisFill: '880.00',
      realizedTotal: '1069.32',
      closed: true,
    });
  });

  it.each([[0], [-1], [10], [2.5]])('when_close_quantity_is_%p_then_throws', (closeQuantity) => {
    expect(() => partialClose(position, closeQuantity, '4.00')).toThrow(InvalidCloseQuantityError);
  });
});
