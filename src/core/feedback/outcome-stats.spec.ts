import { mean, median, percentileNearestRank, sampleStdev, summarizePnl, tStatistic } from './outcome-stats';

describe('summarizePnl', () => {
  it('counts wins, losses and scratches; win rate keeps scratches in the denominator', () => {
    const stats = summarizePnl([100, -50, 0, 200, -25]);
    expect(stats).toEqual({
      trades: 5,
      wins: 2,
      losses: 2,
      scratches: 1,
      winRate: 40,
      avgWin: 150,
      avgLoss: -37.5,
      expectancy: 45,
      totalPnl: 225,
      grossProfit: 300,
      grossLoss: 75,
      profitFactor: 4,
    });
  });

  it('sums cents exactly', () => {
    expect(summarizePnl([0.1, 0.2]).totalPnl).toBe(0.3);
  });

  it('is empty-safe and has no profit factor without a loss', () => {
    const empty = summarizePnl([]);
    expect(empty.winRate).toBeNull();
    expect(empty.expectancy).toBeNull();
    expect(empty.profitFactor).toBeNull();
    expect(summarizePnl([10]).profitFactor).toBeNull();
    expect(summarizePnl([-10]).profitFactor).toBe(0);
  });
});

describe('descriptive helpers', () => {
  it('mean, median, stdev and nearest-rank p90', () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([3, 1, 2])).toBe(2);
    expect(sampleStdev([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(2.138, 3);
    expect(percentileNearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentileNearestRank([5], 90)).toBe(5);
    expect(mean([])).toBeNull();
    expect(sampleStdev([1])).toBeNull();
  });

  it('t statistic is signed infinity without spread', () => {
    expect(tStatistic([1, 1, 1])).toBe(Infinity);
    expect(tStatistic([-1, -1])).toBe(-Infinity);
    expect(tStatistic([0, 0])).toBe(0);
    expect(tStatistic([1, 3])).toBeCloseTo(2, 10);
    expect(tStatistic([1])).toBeNull();
  });
});
