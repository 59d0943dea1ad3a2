import { buildTradeOutcome } from './trade-outcome';
import { analyzePerformance, maxDrawdownOf } from './performance-analyzer';
import { DAY, MINUTE, outcome, T0 } from './feedback.fixtures';

describe('analyzePerformance', () => {
  it('section 17: one +1584.00 trade analyzes to win rate 100, expectancy 1584, no profit factor', () => {
    const trace = buildTradeOutcome({
      positionId: 'pos-001',
      signalId: 'sig-001',
      symbol: 'SPY',
      direction: 'long',
      engine: 'A',
      source: 'live',
      entryPrice: '3.52',
      entryQuantity: 9,
      realizedPnl: '1584.00',
      entryAtMs: T0,
      exitAtMs: T0 + 125 * MINUTE,
      exitReason: 'profit_target',
      entryRegime: 'TRENDING',
      entryIntent: 'BREAKOUT',
      entryMacroClass: 'RISK_ON',
    });
    expect(trace.pnlPercent).toBe(50);
    expect(trace.pnlR).toBe(50);
    const report = analyzePerformance([trace]);
    expect(report.winRate).toBe(100);
    expect(report.expectancy).toBe(1584);
    expect(report.profitFactor).toBeNull();
    expect(report.totalPnl).toBe(1584);
    expect(report.maxDrawdown.amount).toBe(0);
    expect(report.sharpeDaily).toBeNull();
    expect(report.winRateByRegime.TRENDING).toMatchObject({ trades: 1, wins: 1, winRate: 100 });
    expect(report.avgRByModeHint.BREAKOUT).toMatchObject({ trades: 1, avgR: 50 });
    expect(report.pnlByMacroClass.RISK_ON).toMatchObject({ trades: 1, totalPnl: 1584 });
    expect(report.durationStats).toEqual({ mean: 125, median: 125, p90: 125 });
  });

  it('groups by regime, mode hint and macro class with UNKNOWN for nulls', () => {
    const report = analyzePerformance([
      outcome({ pnl: 100, pnlR: 2, entryRegime: 'TRENDING', entryIntent: 'BREAKOUT' }),
      outcome({ pnl: -50, pnlR: -1, entryRegime: 'TRENDING', entryIntent: 'PULLBACK' }),
      outcome({ pnl: -20, pnlR: -0.5, entryRegime: 'RANGING', entryIntent: 'BREAKOUT', entryMacroClass: 'RISK_OFF' }),
      outcome({ pnl: 0, pnlR: 0 }),
    ]);
    expect(Object.keys(report.winRateByRegime)).toEqual(['RANGING', 'TRENDING', 'UNKNOWN']);
    expect(report.winRateByRegime.TRENDING).toMatchObject({ trades: 2, wins: 1, losses: 1, winRate: 50 });
    expect(report.winRateByRegime.UNKNOWN).toMatchObject({ trades: 1, scratches: 1, winRate: 0 });
    expect(report.avgRByModeHint.BREAKOUT).toMatchObject({ trades: 2, avgR: 0.75 });
    expect(report.pnlByMacroClass.UNKNOWN).toMatchObject({ trades: 3, totalPnl: 50 });
    expect(report.pnlByMacroClass.RISK_OFF).toMatchObject({ trades: 1, totalPnl: -20 });
    expect(report).toMatchObject({ trades: 4, wins: 1, losses: 2, scratches: 1, winRate: 25, expectancy: 7.5 });
    expect(report.profitFactor).toBeCloseTo(100 / 70, 12);
  });

  it('measures the drawdown in close order, whatever the input order', () => {
    const trades = [
      outcome({ pnl: 100, closedAtMs: T0 }),
      outcome({ pnl: 200, closedAtMs: T0 + MINUTE }),
      outcome({ pnl: -250, closedAtMs: T0 + 2 * MINUTE }),
      outcome({ pnl: -100, closedAtMs: T0 + 3 * MINUTE }),
      outcome({ pnl: 500, closedAtMs: T0 + 4 * MINUTE }),
    ];
    const report = analyzePerformance([...trades].reverse());
    expect(report.maxDrawdown).toEqual({
      amount: 350,
      percent: (350 / 300) * 100,
      peakPnl: 300,
      troughPnl: -50,
      peakAtMs: T0 + MINUTE,
      troughAtMs: T0 + 3 * MINUTE,
    });
    expect(analyzePerformance(trades, { startingEquity: 10_000 }).maxDrawdown.percent).toBeCloseTo(
      (350 / 10_300) * 100,
      12,
    );
  });

  it('counts an initial loss as drawdown from zero, without a percent of a non-positive peak', () => {
    const dd = maxDrawdownOf([outcome({ pnl: -40 }), outcome({ pnl: 10, closedAtMs: T0 + 1 })]);
    expect(dd).toMatchObject({ amount: 40, percent: null, peakPnl: 0, troughPnl: -40, peakAtMs: null });
  });

  it('annualizes the daily Sharpe over New York days', () => {
    // 20:30 and 21:30 UTC on 2026-02-13 are both Friday in New York (EST), the second is not Saturday.
    const report = analyzePerformance([
      outcome({ pnl: 100, closedAtMs: Date.UTC(2026, 1, 13, 20, 30) }),
      outcome({ pnl: 50, closedAtMs: Date.UTC(2026, 1, 14, 1, 30) }),
      outcome({ pnl: -50, closedAtMs: Date.UTC(2026, 1, 17, 15, 0) }),
    ]);
    expect(report.tradingDays).toBe(2);
    // daily P&L 150 and -50: mean 50, stdev 141.42
    expect(report.sharpeDaily).toBeCloseTo((50 / Math.sqrt(20_000)) * Math.sqrt(252), 10);
  });

  it('takes the caller’s day function', () => {
    const report = analyzePerformance(
      [outcome({ pnl: 10, closedAtMs: T0 }), outcome({ pnl: 30, closedAtMs: T0 + DAY })],
      { dayOf: () => 'same-day' },
    );
    expect(report.tradingDays).toBe(1);
    expect(report.sharpeDaily).toBeNull();
  });

  it('is empty-safe', () => {
    const report = analyzePerformance([]);
    expect(report).toMatchObject({ trades: 0, winRate: null, expectancy: null, profitFactor: null, totalPnl: 0 });
    expect(report.durationStats).toBeNull();
    expect(report.maxDrawdown.amount).toBe(0);
  });

  it('reports duration mean, median and nearest-rank p90', () => {
    const durations = [10, 20, 30, 40, 50, 60, 70, 80, 90, 300];
    const report = analyzePerformance(durations.map((durationMinutes) => outcome({ durationMinutes })));
    expect(report.durationStats).toEqual({ mean: 75, median: 55, p90: 90 });
  });
});
