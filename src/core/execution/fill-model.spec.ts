import type { FillConfig, FillInput, FillQuote } from './fill-model';
import { computeFill, InvalidFillConfigError, roundToTick } from './fill-model';

const NOW = new Date('2026-02-17T15:00:00.000Z');

function quote(overrides: Partial<FillQuote> = {}): FillQuote {
  return { bid: 3.5, ask: 3.54, mid: null, last: 3.51, asOf: new Date(NOW.getTime() - 1_000), ...overrides };
}

function order(overrides: Partial<FillInput> = {}): FillInput {
  return { side: 'buy', quantity: 9, underlying: 'SPY', quote: quote(), ...overrides };
}

function config(overrides: Partial<FillConfig> = {}): FillConfig {
  return {
    mode: 'mid',
    slippageBps: 0,
    commissionPerContract: 0,
    feesPerContract: 0,
    maxQuoteAgeMs: 15_000,
    ...overrides,
  };
}

describe('computeFill', () => {
  describe('mid mode', () => {
    it('when_bid_and_ask_are_present_then_fills_at_their_mid (section 17 step 8: 3.52)', () => {
      expect(computeFill(order(), config(), NOW)).toEqual({
        ok: true,
        price: '3.5200',
        mid: '3.5200',
        slippage: '0.0000',
        commission: '0.00',
        fees: '0.00',
        tick: '0.0100',
      });
    });

    it('when_bid_and_ask_are_present_then_ignores_the_quote_mid', () => {
      const fill = computeFill(order({ quote: quote({ mid: 9.99 }) }), config(), NOW);
      expect(fill).toMatchObject({ ok: true, price: '3.5200' });
    });

    it('when_one_side_is_missing_then_uses_the_quote_mid', () => {
      const fill = computeFill(order({ quote: quote({ bid: null, mid: 3.6 }) }), config(), NOW);
      expect(fill).toMatchObject({ ok: true, price: '3.6000', mid: '3.6000' });
    });

    it('when_only_last_is_present_then_refuses_with_quote_missing', () => {
      const fill = computeFill(order({ quote: quote({ bid: null, ask: null, mid: null, last: 3.5 }) }), config(), NOW);
      expect(fill).toMatchObject({ ok: false, code: 'quote_missing' });
    });

    it('when_the_mid_is_between_ticks_then_a_buy_rounds_up_and_a_sell_rounds_down', () => {
      const q = quote({ bid: 1.0, ask: 1.05 });
      expect(computeFill(order({ quote: q }), config(), NOW)).toMatchObject({
        price: '1.0300',
        mid: '1.0250',
        slippage: '0.0050',
      });
      expect(computeFill(order({ side: 'sell', quote: q }), config(), NOW)).toMatchObject({
        price: '1.0200',
        slippage: '0.0050',
      });
    });

    it('when_a_non_penny_name_trades_above_3_then_rounds_to_dimes', () => {
      const q = quote({ bid: 4.1, ask: 4.5 });
      expect(computeFill(order({ underlying: 'SPXW', quote: q }), config({ slippageBps: 10 }), NOW)).toMatchObject({
        price: '4.4000',
        tick: '0.1000',
      });
      expect(computeFill(order({ side: 'sell', underlying: 'SPXW', quote: q }), config(), NOW)).toMatchObject({
        price: '4.3000',
      });
    });
  });

  describe('cross mode', () => {
    it('when_buying_then_pays_the_ask_and_when_selling_then_hits_the_bid', () => {
      expect(computeFill(order(), config({ mode: 'cross' }), NOW)).toMatchObject({
        ok: true,
        price: '3.5400',
        mid: '3.5200',
        slippage: '0.0200',
      });
      expect(computeFill(order({ side: 'sell' }), config({ mode: 'cross' }), NOW)).toMatchObject({
        ok: true,
        price: '3.5000',
        slippage: '0.0200',
      });
    });

    it.each([[0], [null]])('when_selling_with_bid_%p_then_refuses_with_no_bid', (bid) => {
      const fill = computeFill(order({ side: 'sell', quote: quote({ bid }) }), config({ mode: 'cross' }), NOW);
      expect(fill).toMatchObject({ ok: false, code: 'no_bid' });
    });

    it('when_buying_without_an_ask_then_refuses_with_quote_missing', () => {
      const fill = computeFill(order({ quote: quote({ ask: null }) }), config({ mode: 'cross' }), NOW);
      expect(fill).toMatchObject({ ok: false, code: 'quote_missing' });
    });

    it('when_buying_with_only_an_ask_then_measures_slippage_against_the_ask', () => {
      const fill = computeFill(order({ quote: quote({ bid: null }) }), config({ mode: 'cross' }), NOW);
      expect(fill).toMatchObject({ ok: true, price: '3.5400', mid: '3.5400', slippage: '0.0000' });
    });
  });

  describe('slippage', () => {
    it('when_slippage_is_configured_then_it_moves_a_buy_up_and_a_sell_down', () => {
      // 25 bps of 3.52 = 0.0088: buy 3.5288 -> 3.53, sell 3.5112 -> 3.51.
      expect(computeFill(order(), config({ slippageBps: 25 }), NOW)).toMatchObject({
        price: '3.5300',
        slippage: '0.0100',
      });
      expect(computeFill(order({ side: 'sell' }), config({ slippageBps: 25 }), NOW)).toMatchObject({
        price: '3.5100',
        slippage: '0.0100',
      });
    });

    it('when_slippage_pushes_a_sell_below_zero_then_floors_at_zero', () => {
      const fill = computeFill(
        order({ side: 'sell', quote: quote({ bid: 0.01, ask: 0.03 }) }),
        config({ slippageBps: 20_000 }),
        NOW,
      );
      expect(fill).toMatchObject({ ok: true, price: '0.0000', slippage: '0.0200' });
    });
  });

  describe('floors', () => {
    it('when_a_buy_would_round_to_zero_then_pays_one_tick', () => {
      const fill = computeFill(order({ underlying: 'SPX', quote: quote({ bid: 0, ask: 0 }) }), config(), NOW);
      expect(fill).toMatchObject({ ok: true, price: '0.0500', mid: '0.0000', tick: '0.0500' });
    });
  });

  describe('costs', () => {
    it('when_commission_and_fees_are_configured_then_they_scale_with_contracts_at_2_dp', () => {
      const fill = computeFill(order(), config({ commissionPerContract: 0.65, feesPerContract: 0.0275 }), NOW);
      expect(fill).toMatchObject({ ok: true, commission: '5.85', fees: '0.25' });
    });
  });

  describe('denials', () => {
    it('when_there_is_no_quote_then_quote_missing', () => {
      expect(computeFill(order({ quote: null }), config(), NOW)).toMatchObject({ ok: false, code: 'quote_missing' });
    });

    it('when_the_quote_is_older_than_the_max_age_then_quote_stale', () => {
      const stale = quote({ asOf: new Date(NOW.getTime() - 15_001) });
      expect(computeFill(order({ quote: stale }), config(), NOW)).toMatchObject({ ok: false, code: 'quote_stale' });
    });

    it('when_the_quote_is_exactly_the_max_age_then_fills', () => {
      const edge = quote({ asOf: new Date(NOW.getTime() - 15_000) });
      expect(computeFill(order({ quote: edge }), config(), NOW).ok).toBe(true);
    });

    it('when_the_quote_timestamp_is_invalid_then_quote_stale', () => {
      const broken = quote({ asOf: new Date(Number.NaN) });
      expect(computeFill(order({ quote: broken }), config(), NOW)).toMatchObject({ ok: false, code: 'quote_stale' });
    });

    it('when_bid_is_above_ask_then_quote_crossed', () => {
      const crossed = quote({ bid: 3.6, ask: 3.5 });
      expect(computeFill(order({ quote: crossed }), config(), NOW)).toMatchObject({ ok: false, code: 'quote_crossed' });
    });

    it('when_bid_equals_ask_then_fills_at_that_price', () => {
      const locked = quote({ bid: 3.5, ask: 3.5 });
      expect(computeFill(order({ quote: locked }), config({ mode: 'cross' }), NOW)).toMatchObject({ price: '3.5000' });
    });

    it.each([[0], [-1], [1.5], [Number.NaN]])('when_quantity_is_%p_then_invalid_quantity', (quantity) => {
      expect(computeFill(order({ quantity }), config(), NOW)).toMatchObject({ ok: false, code: 'invalid_quantity' });
    });

    it('when_a_quote_price_is_negative_or_not_finite_then_it_counts_as_absent', () => {
      const junk = quote({ bid: -1, ask: Number.NaN, mid: null });
      expect(computeFill(order({ quote: junk }), config(), NOW)).toMatchObject({ ok: false, code: 'quote_missing' });
    });
  });

  it('when_the_config_is_invalid_then_throws', () => {
    expect(() => computeFill(order(), config({ slippageBps: -5 }), NOW)).toThrow(InvalidFillConfigError);
  });
});

describe('roundToTick', () => {
  it('when_rounding_then_moves_to_the_adverse_multiple', () => {
    expect(roundToTick('1.021', '0.05', 'up').toFixed(4)).toBe('1.0500');
    expect(roundToTick('1.049', '0.05', 'down').toFixed(4)).toBe('1.0000');
    expect(roundToTick('1.05', '0.05', 'up').toFixed(4)).toBe('1.0500');
  });
});
