import { limits, NOW, position, POSITIONS, snapshot } from './risk.fixtures';
import { maxOpenPositionsGate } from './max-open-positions.gate';

describe('maxOpenPositionsGate', () => {
  it('when_fixture_rows_hold_three_active_then_passes_under_five', () => {
    const verdict = maxOpenPositionsGate(snapshot({ positions: POSITIONS }), limits(), NOW);
    expect(verdict).toMatchObject({ pass: true, detail: '3 open + 0 pending of 5' });
  });

  it('when_four_active_then_passes_and_when_five_then_blocks', () => {
    const four = [...POSITIONS, position()];
    const five = [...four, position({ symbol: 'DIA' })];
    expect(maxOpenPositionsGate(snapshot({ positions: four }), limits(), NOW).pass).toBe(true);
    expect(maxOpenPositionsGate(snapshot({ positions: five }), limits(), NOW)).toMatchObject({
      pass: false,
      code: 'max_open_positions_exceeded',
    });
  });

  it('when_pending_orders_fill_the_last_slots_then_blocks', () => {
    const pendingOrders = [
      { symbol: 'DIA', engine: 'A' as const, optionSymbol: 'DIA260220C00450000' },
      { symbol: 'IWM', engine: 'B' as const, optionSymbol: 'IWM260220P00220000' },
    ];
    const verdict = maxOpenPositionsGate(snapshot({ positions: POSITIONS, pendingOrders }), limits(), NOW);
    expect(verdict).toMatchObject({ pass: false, detail: '3 open + 2 pending of 5' });
  });

  it('closed positions do not count', () => {
    const closed = Array.from({ length: 6 }, () => position({ status: 'closed' }));
    expect(maxOpenPositionsGate(snapshot({ positions: closed }), limits(), NOW).pass).toBe(true);
  });
});
