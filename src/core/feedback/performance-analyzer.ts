import Decimal from 'decimal.js';
import { nyDate } from '../calendar';
import { mean, median, percentileNearestRank, sampleStdev, summarizePnl, type PnlStats } from './outcome-stats';
import { byCloseOrder, UNKNOWN_GROUP, type TradeOutcome } from './trade-outcome';

/** Trading days per year used to annualize the daily Sharpe ratio. */
export const TRADING_DAYS_PER_YEAR = 252;

export interface AnalyzeOptions {
  /** Calendar day of a close instant ('YYYY-MM-DD'); defaults to the New York date (calendar's nyDate). */
  dayOf?: (ms: number) => string;
  /** Account equity before the first trade; makes maxDrawdown.percent a share of equity at the peak. */
  startingEquity?: number;
}

/** Statistics of one group (regime, mode hint, macro class). */
export interface GroupStats extends PnlStats {
  /** Mean pnlR; null without trades. */
  avgR: number | null;
  avgDurationMinutes: number | null;
}

export interface DrawdownStats {
  /** Largest peak-to-trough fall of cumulative P&L in close order, dollars, >= 0. */
  amount: number;
  /**
   * amount / (startingEquity + peak) x 100 with startingEquity, else amount / peak x 100 (share of the peak profit
   * given back); null when that denominator is not positive.
   */
  percent: number | null;
  /** Cumulative P&L at the peak and trough of that fall (0 / 0 without a drawdown). */
  peakPnl: number;
  troughPnl: number;
  peakAtMs: number | null;
  troughAtMs: number | null;
}

export interface DurationStats {
  mean: number;
  median: number;
  /** Nearest-rank 90th percentile. */
  p90: number;
}

export interface PerformanceReport extends PnlStats {
  maxDrawdown: DrawdownStats;
  /** Days with at least one close, by dayOf. */
  tradingDays: number;
  /** mean / stdev (n - 1) of daily P&L x sqrt(252); null with fewer than 2 days or no spread. */
  sharpeDaily: number | null;
  winRateByRegime: Record<string, GroupStats>;
  avgRByModeHint: Record<string, GroupStats>;
  pnlByMacroClass: Record<string, GroupStats>;
  durationStats: DurationStats | null;
}

const defaultDayOf = (ms: number): string => nyDate(new Date(ms));

export function groupStats(outcomes: readonly TradeOutcome[]): GroupStats {
  return {
    ...summarizePnl(outcomes.map((o) => o.pnl)),
    avgR: mean(outcomes.map((o) => o.pnlR)),
    avgDurationMinutes: mean(outcomes.map((o) => o.durationMinutes)),
  };
}

/** Groups outcomes by a key (null becomes UNKNOWN_GROUP); keys in sorted order. */
export function groupBy(
  outcomes: readonly TradeOutcome[],
  keyOf: (o: TradeOutcome) => string | null,
): Record<string, GroupStats> {
  const groups = new Map<string, TradeOutcome[]>();
  for (const outcome of outcomes) {
    const key = keyOf(outcome) ?? UNKNOWN_GROUP;
    const members = groups.get(key) ?? [];
    members.push(outcome);
    groups.set(key, members);
  }
  const result: Record<string, GroupStats> = {};
  for (const key of [...groups.keys()].sort()) {
    result[key] = groupStats(groups.get(key) ?? []);
  }
  return result;
}

export function maxDrawdownOf(ordered: readonly TradeOutcome[], startingEquity?: number): DrawdownStats {
  let cumulative = new Decimal(0);
  let peak = new Decimal(0);
  let peakAtMs: number | null = null;
  let best = {
    amount: new Decimal(0),
    peak: new Decimal(0),
    trough: new Decimal(0),
    peakAtMs: null as number | null,
    troughAtMs: null as number | null,
  };
  for (const outcome of ordered) {
    cumulative = cumulative.plus(outcome.pnl);
    if (cumulative.gt(peak)) {
      peak = cumulative;
      peakAtMs = outcome.closedAtMs;
    }
    const fall = peak.minus(cumulative);
    if (fall.gt(best.amount)) {
      best = { amount: fall, peak, trough: cumulative, peakAtMs, troughAtMs: outcome.closedAtMs };
    }
  }
  const base = startingEquity === undefined ? best.peak : best.peak.plus(startingEquity);
  return {
    amount: best.amount.toNumber(),
    percent: base.gt(0) ? best.amount.div(base).times(100).toNumber() : null,
    peakPnl: best.peak.toNumber(),
    troughPnl: best.trough.toNumber(),
    peakAtMs: best.peakAtMs,
    troughAtMs: best.troughAtMs,
  };
}

/** Daily P&L sums keyed by day, in day order. */
export function dailyPnl(outcomes: readonly TradeOutcome[], dayOf: (ms: number) => string): Map<string, number> {
  const days = new Map<string, Decimal>();
  for (const outcome of outcomes) {
    const day = dayOf(outcome.closedAtMs);
    days.set(day, (days.get(day) ?? new Decimal(0)).plus(outcome.pnl));
  }
  return new Map([...days.keys()].sort().map((day) => [day, (days.get(day) ?? new Decimal(0)).toNumber()]));
}

export function sharpeOfDaily(daily: readonly number[]): number | null {
  const m = mean(daily);
  const sd = sampleStdev(daily);
  if (m === null || sd === null || sd === 0) {
    return null;
  }
  return (m / sd) * Math.sqrt(TRADING_DAYS_PER_YEAR);
}

function durationStatsOf(outcomes: readonly TradeOutcome[]): DurationStats | null {
  const durations = outcomes.map((o) => o.durationMinutes);
  const m = mean(durations);
  const med = median(durations);
  const p90 = percentileNearestRank(durations, 90);
  return m === null || med === null || p90 === null ? null : { mean: m, median: med, p90 };
}

/**
 * Rolling statistics of closed trades (spec section 11, PerformanceAnalyzer): P&L summary, drawdown in close order,
 * daily Sharpe, win rate by regime, average R by mode hint, P&L by macro class and duration statistics.
 * Pure: the caller chooses the window; formulas in docs/performance-feedback.md.
 */
export function analyzePerformance(outcomes: readonly TradeOutcome[], opts: AnalyzeOptions = {}): PerformanceReport {
  const ordered = [...outcomes].sort(byCloseOrder);
  const daily = dailyPnl(ordered, opts.dayOf ?? defaultDayOf);
  return {
    ...summarizePnl(ordered.map((o) => o.pnl)),
    maxDrawdown: maxDrawdownOf(ordered, opts.startingEquity),
    tradingDays: daily.size,
    sharpeDaily: sharpeOfDaily([...daily.values()]),
    winRateByRegime: groupBy(ordered, (o) => o.entryRegime),
    avgRByModeHint: groupBy(ordered, (o) => o.entryIntent),
    pnlByMacroClass: groupBy(ordered, (o) => o.entryMacroClass),
    durationStats: durationStatsOf(ordered),
  };
}
