import { limits, NOW, position, POSITIONS, snapshot } from './risk.fixtures';
import { maxPositionsPerSymbolGate } from './max-positions-per-symbol.gate';

describe('maxPositionsPerSymbolGate', () => {
  it('when_two_spy_rows_of_three_then_passes', () => {
    const verdict = maxPositionsPerSymbolGate(snapshot({ positions: POSITIONS }), limits(), NOW);
    expect(verdict).toMatchObject({ pass: true, detail: 'SPY: 2 open + 0 pending of 3' });
  });

  it('when_a_third_spy_position_then_blocks', () => {
    const positions = [...POSITIONS, position({ symbol: 'spy', engine: 'B' })];
    expect(maxPositionsPerSymbolGate(snapshot({ positions }), limits(), NOW)).toMatchObject({
      pass: false,
      code: 'max_positions_per_symbol_exceeded',
    });
  });

  it('when_a_pending_spy_order_is_the_third_then_blocks', () => {
    const pendingOrders = [{ symbol: 'SPY', engine: 'B' as const, optionSymbol: 'SPY260220C00600000' }];
    expect(maxPositionsPerSymbolGate(snapshot({ positions: POSITIONS, pendingOrders }), limits(), NOW).pass).toBe(
      false,
    );
  });

  it('other symbols do not count', () => {
    const positions = [position({ symbol: 'QQQ' }), position({ symbol: 'QQQ' }), position({ symbol: 'QQQ' })];
    expect(maxPositionsPerSymbolGate(snapshot({ positions }), limits(), NOW).pass).toBe(true);
  });
});
