import * as execution from './index';

const NOW = new Date('2026-02-17T17:00:00.000Z');
const MID_FILLS: execution.FillConfig = {
  mode: 'mid',
  slippageBps: 0,
  commissionPerContract: 0,
  feesPerContract: 0,
  maxQuoteAgeMs: 15_000,
};

function fillPrice(side: 'buy' | 'sell', bid: number, ask: number): string {
  const result = execution.computeFill(
    { side, quantity: 9, underlying: 'SPY', quote: { bid, ask, mid: null, last: null, asOf: NOW } },
    MID_FILLS,
    NOW,
  );
  if (!result.ok) {
    throw new Error(result.detail);
  }
  return result.price;
}

describe('execution barrel: section 17 steps 8-11 end to end', () => {
  it('when_entered_at_the_3_52_mid_and_exited_at_the_5_28_mid_then_books_1584', () => {
    const entry = fillPrice('buy', 3.5, 3.54);
    const exit = fillPrice('sell', 5.26, 5.3);
    expect([entry, exit]).toEqual(['3.5200', '5.2800']);

    expect(execution.unrealizedPnl(entry, 3.78, 9)).toBe('234.00');
    const closed = execution.partialClose({ quantity: 9, entryPrice: entry, realizedPnl: null }, 9, exit);
    expect(closed.realizedTotal).toBe('1584.00');
    expect(execution.pnlPercent(entry, exit)).toBe('50.00');
    expect(execution.pnlR(closed.realizedTotal, execution.costBasis(entry, 9))).toBe('50.00');
  });
});
