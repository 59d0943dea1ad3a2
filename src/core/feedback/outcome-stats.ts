import Decimal from 'decimal.js';

/**
 * P&L statistics of a set of trades. Win = pnl > 0, loss = pnl < 0, scratch = pnl === 0. Money sums use decimal.js.
 * winRate = wins / trades x 100 (scratches stay in the denominator); null when there are no trades.
 */
export interface PnlStats {
  trades: number;
  wins: number;
  losses: number;
  scratches: number;
  /** 0-100. */
  winRate: number | null;
  /** Mean pnl of the wins; null without wins. */
  avgWin: number | null;
  /** Mean pnl of the losses (negative); null without losses. */
  avgLoss: number | null;
  /** Mean pnl per trade, dollars; null without trades. */
  expectancy: number | null;
  totalPnl: number;
  /** Sum of the wins. */
  grossProfit: number;
  /** Sum of the losses, as a positive number. */
  grossLoss: number;
  /** grossProfit / grossLoss; null when there is no loss. */
  profitFactor: number | null;
}

export function summarizePnl(pnls: readonly number[]): PnlStats {
  let wins = 0;
  let losses = 0;
  let scratches = 0;
  let grossProfit = new Decimal(0);
  let grossLoss = new Decimal(0);
  for (const pnl of pnls) {
    if (pnl > 0) {
      wins += 1;
      grossProfit = grossProfit.plus(pnl);
    } else if (pnl < 0) {
      losses += 1;
      grossLoss = grossLoss.plus(-pnl);
    } else {
      scratches += 1;
    }
  }
  const trades = pnls.length;
  const total = grossProfit.minus(grossLoss);
  return {
    trades,
    wins,
    losses,
    scratches,
    winRate: trades === 0 ? null : (wins / trades) * 100,
    avgWin: wins === 0 ? null : grossProfit.div(wins).toNumber(),
    avgLoss: losses === 0 ? null : grossLoss.div(losses).negated().toNumber(),
    expectancy: trades === 0 ? null : total.div(trades).toNumber(),
    totalPnl: total.toNumber(),
    grossProfit: grossProfit.toNumber(),
    grossLoss: grossLoss.toNumber(),
    profitFactor: grossLoss.isZero() ? null : grossProfit.div(grossLoss).toNumber(),
  };
}

/** Arithmetic mean; null for an empty list. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) {
    return null;
  }
  return values
    .reduce((sum, value) => sum.plus(value), new Decimal(0))
    .div(values.length)
    .toNumber();
}

/** Sample standard deviation (n - 1); null with fewer than two values. */
export function sampleStdev(values: readonly number[]): number | null {
  const m = mean(values);
  if (m === null || values.length < 2) {
    return null;
  }
  const squares = values.reduce((sum, value) => sum + (value - m) ** 2, 0);
  return Math.sqrt(squares / (values.length - 1));
}

/**
 * t statistic of the mean against zero: mean / (stdev / sqrt(n)). With zero spread it is +/-Infinity by the sign
 * of the mean (0 for a zero mean); null with fewer than two values.
 */
export function tStatistic(values: readonly number[]): number | null {
  const m = mean(values);
  const sd = sampleStdev(values);
  if (m === null || sd === null) {
    return null;
  }
  if (sd === 0) {
    return m > 0 ? Infinity : m < 0 ? -Infinity : 0;
  }
  return m / (sd / Math.sqrt(values.length));
}

/** Median (mean of the two middle values for an even count); null for an empty list. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) {
    return null;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Nearest-rank percentile: the value at rank ceil(p/100 x n); null for an empty list. */
export function percentileNearestRank(values: readonly number[], p: number): number | null {
  if (values.length === 0) {
    return null;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
}
