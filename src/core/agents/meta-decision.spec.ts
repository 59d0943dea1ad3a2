import specExample from './fixtures/spec-example-outputs.json';
import { directionOf, META_DECISION_DEFAULTS, metaDecision, type AgentOutput, type AgentType } from './index';

/** The spec's example carries the type in `metadata.agentType`; our contract has it as `type`. */
function fromSpecExample(entries: typeof specExample): AgentOutput[] {
  return entries.map((e) => ({
    agent: e.agent,
    type: e.metadata.agentType as AgentType,
    bias: e.bias as AgentOutput['bias'],
    confidence: e.confidence,
    reasons: e.reasons,
    block: e.block,
    metadata: e.metadata,
  }));
}

function vote(agent: string, type: AgentType, bias: AgentOutput['bias'], confidence: number): AgentOutput {
  return { agent, type, bias, confidence, reasons: [] };
}

describe('metaDecision', () => {
  describe('spec section 6 "Example Agent Outputs"', () => {
    const outputs = fromSpecExample(specExample);

    it('gives bullish 52.4 and approves (the spec prints 67, which matches no reading)', () => {
      // scores.bullish = 0.35 x 65 (context) + 0.35 x 72 (technical) + 0.40 x 70 (gamma-flow)
      //                = 22.75 + 25.20 + 28.00 = 75.95
      // scores.neutral = 0.35 x 50 (risk) = 17.50
      // totalWeight    = 0.35 + 0.35 + 0.35 + 0.40 = 1.45 (every agent that voted, risk's neutral included)
      // confidence     = 75.95 / 1.45 = 52.379... → 52.4 >= 50 → approve
      const result = metaDecision(outputs);
      expect(result.scores.bullish).toBeCloseTo(75.95, 9);
      expect(result.scores.bearish).toBe(0);
      expect(result.scores.neutral).toBeCloseTo(17.5, 9);
      expect(result.totalWeight).toBeCloseTo(1.45, 9);
      expect(result).toMatchObject({
        decision: 'approve',
        bias: 'bullish',
        confidence: 52.4,
        vetoedBy: null,
        contributingAgents: ['context', 'technical', 'gamma-flow'],
        reasons: ['weighted_consensus'],
      });
      expect(directionOf(result.bias)).toBe('long');
    });

    it('no plausible reading of the example yields the printed 67', () => {
      const bullish = [65, 72, 70];
      const all = [65, 72, 50, 70];
      const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
      const readings = {
        // ours: bullish score over the weight of every voter
        weightedOverAllVoters: 75.95 / 1.45, // 52.38
        // bullish score over the bullish voters' weight only (neutral does not dilute)
        weightedOverBullishVoters: 75.95 / 1.1, // 69.05
        // bullish score over the sum of the three type weights (0.4 + 0.35 + 0.25 = 1)
        weightedOverTypeWeights: 75.95 / 1.0, // 75.95
        // bullish share of all weighted scores
        bullishShareOfScores: 75.95 / (75.95 + 17.5), // 81.27
        unweightedMeanOfBullish: mean(bullish), // 69
        unweightedMeanOfAll: mean(all), // 64.25
        unweightedBullishShare: (65 + 72 + 70) / (65 + 72 + 50 + 70), // 0.805 → 80.5 %
      };
      expect(readings.weightedOverAllVoters).toBeCloseTo(52.379, 3);
      for (const value of Object.values(readings)) {
        const asPercent = value <= 1 ? value * 100 : value;
        expect(Math.round(asPercent)).not.toBe(67);
      }
    });
  });

  it('rejects with confidence 0 when the risk agent blocks, whatever the others say', () => {
    const outputs = [
      vote('context', 'core', 'bullish', 100),
      vote('gamma-flow', 'specialist', 'bullish', 100),
      { ...vote('risk', 'core', 'neutral', 50), block: true, reasons: ['market_closed'] },
    ];
    const result = metaDecision(outputs);
    expect(result).toMatchObject({
      decision: 'reject',
      bias: 'neutral',
      confidence: 0,
      vetoedBy: 'risk',
      contributingAgents: [],
      reasons: ['risk_veto', 'risk:market_closed'],
    });
    // Scores are still reported for the explain endpoint.
    expect(result.scores.bullish).toBeCloseTo(75, 9);
  });

  it('ignores block on agents other than risk', () => {
    const outputs = [{ ...vote('technical', 'core', 'bullish', 80), block: true }];
    expect(metaDecision(outputs)).toMatchObject({ decision: 'approve', vetoedBy: null, confidence: 80 });
  });

  it('rejects when every agent is neutral', () => {
    const result = metaDecision([vote('context', 'core', 'neutral', 90), vote('risk', 'core', 'neutral', 80)]);
    expect(result).toMatchObject({
      decision: 'reject',
      bias: 'neutral',
      confidence: 85,
      contributingAgents: ['context', 'risk'],
      reasons: ['final_bias_neutral'],
    });
    expect(directionOf(result.bias)).toBeNull();
  });

  it('lets opposing votes dilute the winner below the threshold', () => {
    const alone = metaDecision([vote('technical', 'core', 'bullish', 80)]);
    expect(alone).toMatchObject({ decision: 'approve', confidence: 80 });

    // bullish 0.35 x 80 = 28 vs bearish 0.35 x 60 = 21; 28 / 0.70 = 40 → reject
    const opposed = metaDecision([vote('technical', 'core', 'bullish', 80), vote('context', 'core', 'bearish', 60)]);
    expect(opposed).toMatchObject({
      decision: 'reject',
      bias: 'bullish',
      confidence: 40,
      contributingAgents: ['technical'],
      reasons: ['low_consensus'],
    });
  });

  it('approves a bearish consensus and maps it to short', () => {
    const result = metaDecision([vote('strat', 'specialist', 'bearish', 70), vote('technical', 'core', 'bearish', 60)]);
    // (0.4 x 70 + 0.35 x 60) / 0.75 = 49 / 0.75 = 65.33
    expect(result).toMatchObject({ decision: 'approve', bias: 'bearish', confidence: 65.3 });
    expect(directionOf(result.bias)).toBe('short');
  });

  it('resolves a bullish/bearish tie to neutral and rejects', () => {
    const result = metaDecision([vote('technical', 'core', 'bullish', 70), vote('context', 'core', 'bearish', 70)]);
    expect(result).toMatchObject({ decision: 'reject', bias: 'neutral', reasons: ['final_bias_neutral', 'bias_tie'] });
  });

  it('resolves a directional/neutral tie to neutral', () => {
    const result = metaDecision([vote('technical', 'core', 'bullish', 60), vote('context', 'core', 'neutral', 60)]);
    expect(result).toMatchObject({ decision: 'reject', bias: 'neutral', confidence: 30 });
  });

  it('rejects empty outputs with a reason', () => {
    expect(metaDecision([])).toEqual({
      decision: 'reject',
      bias: 'neutral',
      confidence: 0,
      scores: { bullish: 0, bearish: 0, neutral: 0 },
      totalWeight: 0,
      vetoedBy: null,
      contributingAgents: [],
      reasons: ['no_agent_outputs'],
    });
  });

  it('rejects when every voter has weight 0', () => {
    const config = { ...META_DECISION_DEFAULTS, weights: { core: 0, specialist: 0.4, subagent: 0.25 } };
    expect(metaDecision([vote('technical', 'core', 'bullish', 90)], config)).toMatchObject({
      decision: 'reject',
      reasons: ['zero_total_weight'],
    });
  });

  it('approves exactly at the threshold', () => {
    expect(metaDecision([vote('technical', 'core', 'bullish', 50)])).toMatchObject({
      decision: 'approve',
      confidence: 50,
    });
    expect(metaDecision([vote('technical', 'core', 'bullish', 49.9)])).toMatchObject({ decision: 'reject' });
  });

  it('uses configurable weights and threshold', () => {
    const outputs = [vote('satyland', 'subagent', 'bullish', 90), vote('ttm', 'specialist', 'bearish', 60)];
    // defaults: bullish 0.25 x 90 = 22.5, bearish 0.4 x 60 = 24 → bearish, 24 / 0.65 = 36.9 → reject
    expect(metaDecision(outputs)).toMatchObject({ bias: 'bearish', confidence: 36.9, decision: 'reject' });
    // subagent-heavy: bullish 0.6 x 90 = 54, bearish 0.2 x 60 = 12 → bullish, 54 / 0.8 = 67.5
    const heavy = { weights: { specialist: 0.2, core: 0.35, subagent: 0.6 }, approveThreshold: 70 };
    expect(metaDecision(outputs, heavy)).toMatchObject({ bias: 'bullish', confidence: 67.5, decision: 'reject' });
    expect(metaDecision(outputs, { ...heavy, approveThreshold: 60 })).toMatchObject({ decision: 'approve' });
  });

  it('rejects an invalid config loudly', () => {
    const outputs = [vote('technical', 'core', 'bullish', 80)];
    expect(() => metaDecision(outputs, { ...META_DECISION_DEFAULTS, approveThreshold: 150 })).toThrow(RangeError);
    expect(() =>
      metaDecision(outputs, { ...META_DECISION_DEFAULTS, weights: { core: -1, specialist: 0.4, subagent: 0.25 } }),
    ).toThrow(RangeError);
  });

  it('a neutral vote can raise the neutral confidence, but never into an approval', () => {
    const before = metaDecision([vote('technical', 'core', 'bullish', 10)]);
    const after = metaDecision([
      vote('technical', 'core', 'bullish', 10),
      vote('gamma-flow', 'specialist', 'neutral', 100),
    ]);
    // before: bullish 10; after: neutral 40 / 0.75 = 53.3 wins, which is never approved.
    expect(before).toMatchObject({ bias: 'bullish', confidence: 10, decision: 'reject' });
    expect(after).toMatchObject({ bias: 'neutral', confidence: 53.3, decision: 'reject' });
  });
});
