import Decimal from 'decimal.js';
import { mean, summarizePnl } from './outcome-stats';
import { signTestPValue } from './sign-test';
import { byCloseOrder, type OutcomeEngine, type OutcomeSource, type TradeOutcome } from './trade-outcome';

export const OUTCOME_ENGINES: readonly OutcomeEngine[] = ['A', 'B'];
export const OUTCOME_SOURCES: readonly OutcomeSource[] = ['live', 'shadow'];

export interface EngineSourceStats {
  engine: OutcomeEngine;
  source: OutcomeSource;
  trades: number;
  wins: number;
  losses: number;
  /** 0-100; null without trades. */
  winRate: number | null;
  /** Mean pnl per trade, dollars; null without trades. */
  expectancy: number | null;
  totalPnl: number;
  /** Mean of the outcomes' slippage (dollars, positive = cost); null when none carries one. */
  avgSlippage: number | null;
  slippageSamples: number;
}

export interface PairedEngineComparison {
  /** Signals with at least one outcome of each engine. */
  pairs: number;
  /** Mean over pairs of pnl(B) - pnl(A), dollars; null without pairs. */
  meanPnlDifference: number | null;
  /** Mean over pairs of pnlR(B) - pnlR(A); null without pairs. */
  meanPnlRDifference: number | null;
  bBetter: number;
  aBetter: number;
  ties: number;
  /** Exact two-sided sign test over the non-tied pairs (1 when there are none). */
  signTestPValue: number;
}

export interface EngineComparison {
  /** Always four cells, in order A/live, A/shadow, B/live, B/shadow. */
  cells: EngineSourceStats[];
  paired: PairedEngineComparison;
}

function cellStats(engine: OutcomeEngine, source: OutcomeSource, outcomes: readonly TradeOutcome[]): EngineSourceStats {
  const stats = summarizePnl(outcomes.map((o) => o.pnl));
  const slippages = outcomes.flatMap((o) => (o.slippage === null || o.slippage === undefined ? [] : [o.slippage]));
  return {
    engine,
    source,
    trades: stats.trades,
    wins: stats.wins,
    losses: stats.losses,
    winRate: stats.winRate,
    expectancy: stats.expectancy,
    totalPnl: stats.totalPnl,
    avgSlippage: mean(slippages),
    slippageSamples: slippages.length,
  };
}

interface EngineLeg {
  pnl: Decimal;
  pnlRs: number[];
}

/**
 * Engine A vs Engine B (spec section 7 experiments): per engine x source statistics, and a paired comparison over
 * signals traded by both engines. Per signal and engine, pnl is the sum and pnlR the mean of its outcomes (any
 * source; normally one). Formulas in docs/performance-feedback.md.
 */
export function compareEngines(outcomes: readonly TradeOutcome[]): EngineComparison {
  const ordered = [...outcomes].sort(byCloseOrder);
  const cells = OUTCOME_ENGINES.flatMap((engine) =>
    OUTCOME_SOURCES.map((source) =>
      cellStats(
        engine,
        source,
        ordered.filter((o) => o.engine === engine && o.source === source),
      ),
    ),
  );

  const bySignal = new Map<string, Partial<Record<OutcomeEngine, EngineLeg>>>();
  for (const outcome of ordered) {
    if (outcome.signalId === null) {
      continue;
    }
    const legs = bySignal.get(outcome.signalId) ?? {};
    const leg = legs[outcome.engine] ?? { pnl: new Decimal(0), pnlRs: [] };
    leg.pnl = leg.pnl.plus(outcome.pnl);
    leg.pnlRs.push(outcome.pnlR);
    legs[outcome.engine] = leg;
    bySignal.set(outcome.signalId, legs);
  }

  const pnlDiffs: Decimal[] = [];
  const rDiffs: number[] = [];
  let bBetter = 0;
  let aBetter = 0;
  let ties = 0;
  for (const signalId of [...bySignal.keys()].sort()) {
    const legs = bySignal.get(signalId);
    const a = legs?.A;
    const b = legs?.B;
    if (a === undefined || b === undefined) {
      continue;
    }
    const diff = b.pnl.minus(a.pnl);
    pnlDiffs.push(diff);
    rDiffs.push((mean(b.pnlRs) ?? 0) - (mean(a.pnlRs) ?? 0));
    if (diff.gt(0)) {
      bBetter += 1;
    } else if (diff.lt(0)) {
      aBetter += 1;
    } else {
      ties += 1;
    }
  }
  const pairs = pnlDiffs.length;
  return {
    cells,
    paired: {
      pairs,
      meanPnlDifference:
        pairs === 0
          ? null
          : pnlDiffs
              .reduce((sum, d) => sum.plus(d), new Decimal(0))
              .div(pairs)
              .toNumber(),
      meanPnlRDifference: mean(rDiffs),
      bBetter,
      aBetter,
      ties,
      signTestPValue: signTestPValue(bBetter, bBetter + aBetter),
    },
  };
}
