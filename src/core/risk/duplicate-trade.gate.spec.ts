import { limits, NOW, POSITIONS, signal, snapshot } from './risk.fixtures';
import { duplicateTradeGate } from './duplicate-trade.gate';

describe('duplicateTradeGate', () => {
  it('when_engine_a_already_holds_spy_long_then_blocks_duplicate_position', () => {
    expect(duplicateTradeGate(snapshot({ positions: POSITIONS }), limits(), NOW)).toMatchObject({
      pass: false,
      code: 'duplicate_position',
    });
  });

  it('when_other_engine_or_other_direction_then_passes', () => {
    const base = snapshot({ positions: POSITIONS });
    expect(duplicateTradeGate({ ...base, engine: 'B' }, limits(), NOW).pass).toBe(true); // B holds SPY short
    expect(duplicateTradeGate({ ...base, signal: signal(base, { direction: 'short' }) }, limits(), NOW).pass).toBe(
      true,
    );
  });

  it('a closing position still counts and a closed one does not', () => {
    const base = snapshot({ positions: POSITIONS });
    expect(duplicateTradeGate({ ...base, signal: signal(base, { symbol: 'QQQ' }) }, limits(), NOW).pass).toBe(false);
    expect(duplicateTradeGate({ ...base, signal: signal(base, { symbol: 'AAPL' }) }, limits(), NOW).pass).toBe(true);
  });

  it('when_a_pending_call_order_on_the_same_engine_then_blocks_duplicate_order', () => {
    const pendingOrders = [{ symbol: 'SPY', engine: 'A' as const, optionSymbol: 'SPY260220C00596000' }];
    expect(duplicateTradeGate(snapshot({ pendingOrders }), limits(), NOW)).toMatchObject({
      pass: false,
      code: 'duplicate_order',
    });
  });

  it('when_the_pending_order_is_a_put_then_a_long_entry_passes', () => {
    const pendingOrders = [{ symbol: 'SPY', engine: 'A' as const, optionSymbol: 'SPY260220P00590000' }];
    expect(duplicateTradeGate(snapshot({ pendingOrders }), limits(), NOW).pass).toBe(true);
  });

  it('when_the_pending_option_symbol_does_not_parse_then_blocks', () => {
    const pendingOrders = [{ symbol: 'SPY', engine: 'A' as const, optionSymbol: 'garbage' }];
    expect(duplicateTradeGate(snapshot({ pendingOrders }), limits(), NOW).pass).toBe(false);
  });
});
