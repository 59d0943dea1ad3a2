import { evaluateMarketSession } from '../calendar';
import { baseContext, indicatorSnapshot, sessionAt } from './agent-test-candles';
import { CONTEXT_AGENT, runContextAgent } from './context.agent';
import type { AgentGex } from './agent-context';

const NOW = new Date('2026-02-17T19:45:00.000Z');
const LONG_GAMMA: AgentGex = { netGex: 2e9, dealerPosition: 'long_gamma', zeroGammaLevel: null };
const SHORT_GAMMA: AgentGex = { netGex: -2e9, dealerPosition: 'short_gamma', zeroGammaLevel: null };

describe('ContextAgent', () => {
  it('declares a core agent, always active, on the full 0-100 range', () => {
    expect(CONTEXT_AGENT).toEqual({
      name: 'context',
      type: 'core',
      featureFlag: null,
      confidenceBounds: { min: 0, max: 100 },
    });
  });

  it('when_dealers_long_gamma_in_rth_then_backs_a_long_signal_bullish_65 (spec example)', () => {
    const out = runContextAgent(baseContext({ gex: LONG_GAMMA }), NOW);
    expect(out).toMatchObject({
      agent: 'context',
      type: 'core',
      bias: 'bullish',
      confidence: 65,
      reasons: ['dealer_long_gamma', 'rth_session'],
      block: false,
    });
    expect(out?.metadata).toMatchObject({ agentType: 'core', dealerPosition: 'long_gamma', sessionType: 'RTH' });
  });

  it('when_dealers_long_gamma_and_signal_short_then_bearish', () => {
    const out = runContextAgent(baseContext({ gex: LONG_GAMMA, direction: 'short' }), NOW);
    expect(out).toMatchObject({ bias: 'bearish', confidence: 65 });
  });

  it('when_price_above_zero_gamma_then_bullish_even_for_a_short_signal', () => {
    const gex: AgentGex = { ...LONG_GAMMA, zeroGammaLevel: 95 };
    const out = runContextAgent(baseContext({ gex, direction: 'short' }), NOW);
    expect(out).toMatchObject({
      bias: 'bullish',
      confidence: 75,
      reasons: ['dealer_long_gamma', 'above_zero_gamma', 'rth_session'],
    });
  });

  it('when_price_below_zero_gamma_with_dealers_short_gamma_then_bearish_with_less_confidence', () => {
    const gex: AgentGex = { ...SHORT_GAMMA, zeroGammaLevel: 105 };
    const out = runContextAgent(baseContext({ gex }), NOW);
    expect(out).toMatchObject({
      bias: 'bearish',
      confidence: 55,
      reasons: ['dealer_short_gamma', 'below_zero_gamma', 'rth_session'],
    });
  });

  it('when_price_sits_on_zero_gamma_and_dealers_short_then_neutral', () => {
    const out = runContextAgent(baseContext({ gex: { ...SHORT_GAMMA, zeroGammaLevel: 100 } }), NOW);
    expect(out).toMatchObject({ bias: 'neutral', reasons: ['dealer_short_gamma', 'at_zero_gamma', 'rth_session'] });
  });

  it('when_gex_unavailable_then_a_weak_neutral_vote', () => {
    const out = runContextAgent(baseContext(), NOW);
    expect(out).toMatchObject({ bias: 'neutral', confidence: 35, reasons: ['gex_unavailable', 'rth_session'] });
  });

  it('when_volatility_high_then_confidence_drops', () => {
    const calm = runContextAgent(baseContext({ gex: LONG_GAMMA, indicators: indicatorSnapshot({ atr14: 0.2 }) }), NOW);
    const elevated = runContextAgent(
      baseContext({ gex: LONG_GAMMA, indicators: indicatorSnapshot({ atr14: 0.6 }) }),
      NOW,
    );
    const wild = runContextAgent(baseContext({ gex: LONG_GAMMA, indicators: indicatorSnapshot({ atr14: 1.5 }) }), NOW);
    expect(calm?.confidence).toBe(65);
    expect(elevated).toMatchObject({ confidence: 60, reasons: expect.arrayContaining(['elevated_volatility']) });
    expect(wild).toMatchObject({
      bias: 'bullish',
      confidence: 50,
      reasons: expect.arrayContaining(['high_volatility']),
    });
    expect(wild?.metadata).toMatchObject({ atr14: 1.5, atrPct: 1.5 });
  });

  it('when_atr_unknown_then_says_so_without_changing_confidence', () => {
    const out = runContextAgent(baseContext({ gex: LONG_GAMMA, indicators: null }), NOW);
    expect(out).toMatchObject({ confidence: 65, reasons: ['dealer_long_gamma', 'rth_session', 'volatility_unknown'] });
  });

  it('when_within_the_close_grace_then_flags_it_and_lowers_confidence', () => {
    const session = sessionAt(new Date('2026-02-17T20:55:00.000Z'));
    expect(session.withinGrace).toBe(true);
    const out = runContextAgent(baseContext({ gex: LONG_GAMMA, session }), NOW);
    expect(out).toMatchObject({ confidence: 55, reasons: ['dealer_long_gamma', 'rth_session', 'within_close_grace'] });
  });

  it('when_in_allowed_premarket_then_extended_hours', () => {
    const session = evaluateMarketSession(new Date('2026-02-17T13:00:00.000Z'), { allowPremarket: true });
    const out = runContextAgent(baseContext({ gex: LONG_GAMMA, session }), NOW);
    expect(out).toMatchObject({ confidence: 50, reasons: ['dealer_long_gamma', 'extended_hours'] });
  });

  it('when_session_closed_then_says_so_and_confidence_falls', () => {
    const session = sessionAt(new Date('2026-02-21T16:00:00.000Z')); // Saturday
    const out = runContextAgent(baseContext({ gex: LONG_GAMMA, session }), NOW);
    expect(out).toMatchObject({ confidence: 35, reasons: ['dealer_long_gamma', 'session_closed'] });
  });

  it('when_every_penalty_applies_then_confidence_floors_at_zero', () => {
    const session = sessionAt(new Date('2026-02-21T16:00:00.000Z'));
    const out = runContextAgent(
      baseContext({ gex: SHORT_GAMMA, session, indicators: indicatorSnapshot({ atr14: 2 }) }),
      NOW,
    );
    expect(out).toMatchObject({
      bias: 'neutral',
      confidence: 0,
      reasons: ['dealer_short_gamma', 'session_closed', 'high_volatility'],
    });
  });

  it('when_price_unavailable_then_not_applicable', () => {
    expect(runContextAgent(baseContext({ price: null }), NOW)).toBeNull();
    expect(runContextAgent(baseContext({ price: Number.NaN }), NOW)).toBeNull();
  });
});
