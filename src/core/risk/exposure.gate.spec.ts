import { limits, NOW, position, POSITIONS, snapshot } from './risk.fixtures';
import { exposureGate } from './exposure.gate';

describe('exposureGate', () => {
  it('when_fixture_rows_hold_2100_dollars_then_passes', () => {
    // p1 2 x 3.50 x 100 + p2 1 x 2.00 x 100 + p3 (closing) 3 x 4.00 x 100; p4 is closed.
    const verdict = exposureGate(snapshot({ positions: POSITIONS }), limits(), NOW);
    expect(verdict.pass).toBe(true);
    expect(verdict.detail).toContain('$2100.00 open');
  });

  it('when_proposed_reaches_the_dollar_cap_exactly_then_passes_and_one_cent_over_then_blocks', () => {
    const positions = [position({ quantity: 10, currentPrice: 7 })]; // $7,000
    const exact = snapshot({ positions, proposed: { quantity: 10, premium: 3 } }); // + $3,000
    const over = snapshot({ positions, proposed: { quantity: 10, premium: 3.0001 } });
    expect(exposureGate(exact, limits(), NOW).pass).toBe(true);
    expect(exposureGate(over, limits(), NOW)).toMatchObject({ pass: false, code: 'exposure_exceeded' });
  });

  it('when_unsized_and_at_the_cap_then_blocks_no_room_left', () => {
    const positions = [position({ quantity: 10, currentPrice: 10 })]; // $10,000
    expect(exposureGate(snapshot({ positions }), limits(), NOW).pass).toBe(false);
  });

  it('when_over_the_percent_of_equity_plus_realized_then_blocks', () => {
    // 20% of (20,000 - 5,000) = 3,000; 2,000 open + 1,500 proposed = 3,500.
    const base = snapshot({
      accountEquity: 20_000,
      realizedPnlToday: -5_000,
      positions: [position({ quantity: 10, currentPrice: 2 })],
      proposed: { quantity: 5, premium: 3 },
    });
    const verdict = exposureGate(base, limits(), NOW);
    expect(verdict).toMatchObject({ pass: false, code: 'exposure_exceeded' });
    expect(verdict.detail).toContain('20% of $15000.00 ($3000.00)');
    expect(exposureGate({ ...base, realizedPnlToday: 0 }, limits(), NOW).pass).toBe(true); // cap 4,000
  });

  it('counts the proposed quantity capped at the maximum position size', () => {
    // 50 contracts capped to 10 x $9 x 100 = $9,000 < $10,000.
    expect(exposureGate(snapshot({ proposed: { quantity: 50, premium: 9 } }), limits(), NOW).pass).toBe(true);
  });

  it('when_capital_base_not_positive_then_blocks', () => {
    expect(exposureGate(snapshot({ accountEquity: 0 }), limits(), NOW).pass).toBe(false);
  });
});
