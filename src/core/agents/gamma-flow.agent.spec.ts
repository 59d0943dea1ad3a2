import { baseContext } from './agent-test-candles';
import { GAMMA_FLOW_AGENT, runGammaFlowAgent } from './gamma-flow.agent';
import type { AgentFlow, AgentGex } from './agent-context';

const NOW = new Date('2026-02-17T19:45:00.000Z');
const POSITIVE_GEX: AgentGex = { netGex: 3e9, dealerPosition: 'long_gamma', zeroGammaLevel: 95 };
const NEGATIVE_GEX: AgentGex = { netGex: -3e9, dealerPosition: 'short_gamma', zeroGammaLevel: 105 };

function flow(values: Partial<AgentFlow>): AgentFlow {
  return {
    callPremium: 0,
    putPremium: 0,
    bullishPremium: 0,
    bearishPremium: 0,
    netFlow: 0,
    entries: 10,
    ...values,
  };
}

const CALL_HEAVY = flow({ callPremium: 800_000, putPremium: 200_000, netFlow: 300_000 });
const PUT_HEAVY = flow({ callPremium: 200_000, putPremium: 800_000, netFlow: -300_000 });

describe('GammaFlowSpecialist', () => {
  it('declares a specialist without a feature flag (active whenever data is present)', () => {
    expect(GAMMA_FLOW_AGENT).toMatchObject({ name: 'gamma-flow', type: 'specialist', featureFlag: null });
  });

  it('when_neither_gex_nor_flow_then_not_applicable', () => {
    expect(runGammaFlowAgent(baseContext({ gex: null, flow: null }), NOW)).toBeNull();
  });

  it('when_gex_positive_calls_dominant_and_net_flow_bullish_then_bullish_80', () => {
    const out = runGammaFlowAgent(baseContext({ gex: POSITIVE_GEX, flow: CALL_HEAVY }), NOW);
    expect(out).toMatchObject({
      agent: 'gamma-flow',
      type: 'specialist',
      bias: 'bullish',
      confidence: 80,
      reasons: ['positive_gex', 'call_premium_dominant', 'net_flow_bullish'],
      block: false,
    });
    expect(out?.metadata).toMatchObject({ netGex: 3e9, callShare: 0.8, score: 3, components: 3 });
  });

  it('when_gex_positive_and_calls_dominant_with_flat_net_flow_then_bullish_67 (spec example reasons)', () => {
    const out = runGammaFlowAgent(baseContext({ gex: POSITIVE_GEX, flow: { ...CALL_HEAVY, netFlow: 0 } }), NOW);
    expect(out).toMatchObject({
      bias: 'bullish',
      confidence: 67,
      reasons: ['positive_gex', 'call_premium_dominant', 'net_flow_flat'],
    });
  });

  it('when_everything_points_down_then_bearish_80', () => {
    const out = runGammaFlowAgent(baseContext({ gex: NEGATIVE_GEX, flow: PUT_HEAVY }), NOW);
    expect(out).toMatchObject({
      bias: 'bearish',
      confidence: 80,
      reasons: ['negative_gex', 'put_premium_dominant', 'net_flow_bearish'],
    });
  });

  it('when_only_gex_is_known_then_a_weaker_vote', () => {
    const out = runGammaFlowAgent(baseContext({ gex: NEGATIVE_GEX }), NOW);
    expect(out).toMatchObject({ bias: 'bearish', confidence: 53, reasons: ['negative_gex'] });
  });

  it('when_gex_and_flow_disagree_then_the_majority_wins_with_low_confidence', () => {
    const out = runGammaFlowAgent(baseContext({ gex: POSITIVE_GEX, flow: PUT_HEAVY }), NOW);
    expect(out).toMatchObject({ bias: 'bearish', confidence: 53 });
  });

  it('when_components_cancel_out_then_neutral_mixed', () => {
    const balanced = flow({ callPremium: 500_000, putPremium: 500_000, netFlow: -1 });
    const out = runGammaFlowAgent(baseContext({ gex: POSITIVE_GEX, flow: balanced }), NOW);
    expect(out).toMatchObject({
      bias: 'neutral',
      confidence: 30,
      reasons: ['positive_gex', 'premium_balanced', 'net_flow_bearish', 'gamma_flow_mixed'],
    });
  });

  it('when_flow_is_empty_then_it_does_not_vote', () => {
    const empty = flow({ entries: 0 });
    expect(runGammaFlowAgent(baseContext({ flow: empty }), NOW)).toBeNull();
    expect(runGammaFlowAgent(baseContext({ gex: POSITIVE_GEX, flow: empty }), NOW)).toMatchObject({
      bias: 'bullish',
      reasons: ['positive_gex', 'flow_empty'],
    });
  });

  it('when_only_flow_is_known_then_votes_on_flow', () => {
    const out = runGammaFlowAgent(baseContext({ flow: CALL_HEAVY }), NOW);
    expect(out).toMatchObject({
      bias: 'bullish',
      confidence: 67,
      reasons: ['call_premium_dominant', 'net_flow_bullish'],
    });
  });
});
