import { compareEngines } from './engine-comparison';
import { outcome } from './feedback.fixtures';

describe('compareEngines', () => {
  it('always reports the four engine x source cells', () => {
    const result = compareEngines([]);
    expect(result.cells.map((c) => `${c.engine}/${c.source}`)).toEqual(['A/live', 'A/shadow', 'B/live', 'B/shadow']);
    expect(result.cells[0]).toMatchObject({ trades: 0, winRate: null, expectancy: null, avgSlippage: null });
    expect(result.paired).toEqual({
      pairs: 0,
      meanPnlDifference: null,
      meanPnlRDifference: null,
      bBetter: 0,
      aBetter: 0,
      ties: 0,
      signTestPValue: 1,
    });
  });

  it('summarizes each cell with slippage over the outcomes that carry one', () => {
    const result = compareEngines([
      outcome({ engine: 'A', source: 'live', pnl: 100, slippage: 4 }),
      outcome({ engine: 'A', source: 'live', pnl: -40, slippage: 2 }),
      outcome({ engine: 'A', source: 'live', pnl: 10 }),
      outcome({ engine: 'B', source: 'shadow', pnl: -30, slippage: null }),
    ]);
    expect(result.cells[0]).toMatchObject({
      trades: 3,
      wins: 2,
      losses: 1,
      expectancy: 70 / 3,
      totalPnl: 70,
      avgSlippage: 3,
      slippageSamples: 2,
    });
    expect(result.cells[3]).toMatchObject({ trades: 1, losses: 1, winRate: 0, avgSlippage: null });
  });

  it('pairs signals traded by both engines: B - A differences and an exact sign test', () => {
    const outcomes = [
      ...['s1', 's2', 's3', 's4', 's5', 's6'].flatMap((signalId, i) => [
        outcome({ signalId, engine: 'A', pnl: 10, pnlR: 1 }),
        outcome({ signalId, engine: 'B', source: 'shadow', pnl: 20 + i, pnlR: 2 }),
      ]),
      outcome({ signalId: 's7', engine: 'A', pnl: 50, pnlR: 5 }),
      outcome({ signalId: 's7', engine: 'B', pnl: 50, pnlR: 5 }),
      outcome({ signalId: 's8', engine: 'A', pnl: 99 }),
      outcome({ signalId: null, engine: 'B', pnl: 99 }),
    ];
    const { paired } = compareEngines(outcomes);
    expect(paired).toMatchObject({ pairs: 7, bBetter: 6, aBetter: 0, ties: 1, meanPnlRDifference: 6 / 7 });
    expect(paired.meanPnlDifference).toBeCloseTo((10 + 11 + 12 + 13 + 14 + 15) / 7, 12);
    expect(paired.signTestPValue).toBeCloseTo(2 / 64, 12);
  });

  it('sums pnl and averages pnlR over an engine’s outcomes on the same signal', () => {
    const { paired } = compareEngines([
      outcome({ signalId: 's1', engine: 'A', pnl: 10, pnlR: 1 }),
      outcome({ signalId: 's1', engine: 'A', source: 'shadow', pnl: 20, pnlR: 3 }),
      outcome({ signalId: 's1', engine: 'B', pnl: 5, pnlR: 1 }),
    ]);
    expect(paired).toMatchObject({ pairs: 1, meanPnlDifference: -25, meanPnlRDifference: -1, aBetter: 1 });
  });
});
