import { mean, summarizePnl } from './outcome-stats';
import { byCloseOrder, type OutcomeDirection, type TradeOutcome } from './trade-outcome';

export type VoteBias = 'bullish' | 'bearish' | 'neutral';

/** One agent's vote on a signal (Engine B, spec section 6). */
export interface AgentVote {
  signalId: string;
  agent: string;
  bias: VoteBias;
  /** 0-100. */
  confidence: number;
}

/** Per-agent metrics (spec table `agent_performance`). Formulas in docs/performance-feedback.md. */
export interface AgentPerformance {
  agent: string;
  /** Distinct signals the agent voted on (a repeated vote on a signal counts once: the first one is kept). */
  signalsVoted: number;
  /** Votes on traded signals in the traded direction (bullish with long, bearish with short). */
  approvals: number;
  /** Votes on traded signals against the traded direction. */
  rejections: number;
  /** Neutral votes on traded signals. */
  neutral: number;
  /** Votes on signals without any outcome. */
  untraded: number;
  /** Outcomes of signals the agent voted for in that outcome's direction. */
  tradesAttributed: number;
  wins: number;
  losses: number;
  /** 0-100; null without attributed trades. */
  winRate: number | null;
  avgWin: number | null;
  avgLoss: number | null;
  /** Mean pnl per attributed trade, dollars. */
  expectancy: number | null;
  totalPnl: number;
  /** Mean confidence over all of the agent's (kept) votes. */
  avgConfidence: number | null;
}

/** The bias that votes for a traded direction. */
export function biasFor(direction: OutcomeDirection): VoteBias {
  return direction === 'long' ? 'bullish' : 'bearish';
}

/**
 * Attributes outcomes to the agents that voted for them. Only an agent that voted for the traded direction gets an
 * outcome (approval); an opposite vote counts as a rejection, a neutral vote as neutral. A signal's traded direction
 * is that of its first outcome in close order; each outcome is attributed by its own direction. Agents sorted by name.
 */
export function agentPerformance(votes: readonly AgentVote[], outcomes: readonly TradeOutcome[]): AgentPerformance[] {
  const outcomesBySignal = new Map<string, TradeOutcome[]>();
  for (const outcome of [...outcomes].sort(byCloseOrder)) {
    if (outcome.signalId === null) {
      continue;
    }
    const list = outcomesBySignal.get(outcome.signalId) ?? [];
    list.push(outcome);
    outcomesBySignal.set(outcome.signalId, list);
  }

  const votesByAgent = new Map<string, Map<string, AgentVote>>();
  for (const vote of votes) {
    const agentVotes = votesByAgent.get(vote.agent) ?? new Map<string, AgentVote>();
    if (!agentVotes.has(vote.signalId)) {
      agentVotes.set(vote.signalId, vote);
    }
    votesByAgent.set(vote.agent, agentVotes);
  }

  return [...votesByAgent.keys()].sort().map((agent) => {
    const agentVotes = [...(votesByAgent.get(agent)?.values() ?? [])];
    let approvals = 0;
    let rejections = 0;
    let neutral = 0;
    let untraded = 0;
    const attributed: number[] = [];
    for (const vote of agentVotes) {
      const traded = outcomesBySignal.get(vote.signalId);
      if (traded === undefined || traded.length === 0) {
        untraded += 1;
        continue;
      }
      if (vote.bias === 'neutral') {
        neutral += 1;
      } else if (vote.bias === biasFor(traded[0].direction)) {
        approvals += 1;
      } else {
        rejections += 1;
      }
      for (const outcome of traded) {
        if (vote.bias === biasFor(outcome.direction)) {
          attributed.push(outcome.pnl);
        }
      }
    }
    const stats = summarizePnl(attributed);
    return {
      agent,
      signalsVoted: agentVotes.length,
      approvals,
      rejections,
      neutral,
      untraded,
      tradesAttributed: stats.trades,
      wins: stats.wins,
      losses: stats.losses,
      winRate: stats.winRate,
      avgWin: stats.avgWin,
      avgLoss: stats.avgLoss,
      expectancy: stats.expectancy,
      totalPnl: stats.totalPnl,
      avgConfidence: mean(agentVotes.map((v) => v.confidence)),
    };
  });
}
