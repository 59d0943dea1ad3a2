import { agentPerformance, type AgentVote } from './agent-performance';
import { outcome } from './feedback.fixtures';

const vote = (signalId: string, agent: string, bias: AgentVote['bias'], confidence = 60): AgentVote => ({
  signalId,
  agent,
  bias,
  confidence,
});

describe('agentPerformance', () => {
  const outcomes = [
    outcome({ signalId: 's1', direction: 'long', pnl: 100 }),
    outcome({ signalId: 's2', direction: 'short', pnl: -40 }),
    outcome({ signalId: 's3', direction: 'long', pnl: 0 }),
  ];

  it('attributes an outcome only to agents that voted for the traded direction', () => {
    const [orb, ttm] = agentPerformance(
      [
        vote('s1', 'ttm', 'bullish', 80),
        vote('s2', 'ttm', 'bearish', 70),
        vote('s3', 'ttm', 'neutral', 30),
        vote('s9', 'ttm', 'bullish', 40),
        vote('s1', 'orb', 'bearish', 50),
        vote('s2', 'orb', 'bearish', 50),
      ],
      outcomes,
    );
    expect(ttm).toEqual({
      agent: 'ttm',
      signalsVoted: 4,
      approvals: 2,
      rejections: 0,
      neutral: 1,
      untraded: 1,
      tradesAttributed: 2,
      wins: 1,
      losses: 1,
      winRate: 50,
      avgWin: 100,
      avgLoss: -40,
      expectancy: 30,
      totalPnl: 60,
      avgConfidence: 55,
    });
    expect(orb).toMatchObject({
      agent: 'orb',
      signalsVoted: 2,
      approvals: 1,
      rejections: 1,
      tradesAttributed: 1,
      wins: 0,
      losses: 1,
      winRate: 0,
      expectancy: -40,
    });
  });

  it('counts every outcome of a signal (both engines) and keeps the first of repeated votes', () => {
    const both = [...outcomes, outcome({ signalId: 's1', engine: 'B', source: 'shadow', pnl: 30 })];
    const [ttm] = agentPerformance([vote('s1', 'ttm', 'bullish'), vote('s1', 'ttm', 'bearish', 10)], both);
    expect(ttm).toMatchObject({ signalsVoted: 1, approvals: 1, tradesAttributed: 2, totalPnl: 130, avgConfidence: 60 });
  });

  it('gives agents without traded votes empty statistics', () => {
    const [lone] = agentPerformance([vote('nope', 'risk', 'bearish')], outcomes);
    expect(lone).toMatchObject({ untraded: 1, tradesAttributed: 0, winRate: null, expectancy: null, totalPnl: 0 });
  });
});
