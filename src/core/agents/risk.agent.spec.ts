import { baseContext, OK_RISK, sessionAt } from './agent-test-candles';
import { metaDecision } from './meta-decision';
import { RISK_AGENT, runRiskAgent } from './risk.agent';
import { RISK_AGENT_NAME } from './agent.types';
import type { AgentRiskState } from './agent-context';

const NOW = new Date('2026-02-17T19:45:00.000Z');
const SATURDAY = sessionAt(new Date('2026-02-21T16:00:00.000Z'));

function withRisk(risk: Partial<AgentRiskState>) {
  return baseContext({ risk: { ...OK_RISK, ...risk } });
}

describe('RiskAgent', () => {
  it('declares the core agent named risk, the name the meta decision looks for', () => {
    expect(RISK_AGENT).toMatchObject({ name: RISK_AGENT_NAME, type: 'core', featureFlag: null });
  });

  it('when_nothing_is_wrong_then_neutral_50_without_reasons_and_no_block (spec example)', () => {
    expect(runRiskAgent(baseContext(), NOW)).toMatchObject({
      agent: 'risk',
      type: 'core',
      bias: 'neutral',
      confidence: 50,
      reasons: [],
      block: false,
    });
  });

  it('when_market_session_not_open_then_vetoes_market_closed', () => {
    const out = runRiskAgent(baseContext({ session: SATURDAY }), NOW);
    expect(out).toMatchObject({ block: true, bias: 'neutral', reasons: ['market_closed'] });
    expect(out.metadata).toMatchObject({ sessionReason: 'weekend' });
  });

  it('when_within_the_close_grace_then_still_passes (the session gate accepts it)', () => {
    const session = sessionAt(new Date('2026-02-17T20:55:00.000Z'));
    expect(runRiskAgent(baseContext({ session }), NOW)).toMatchObject({ block: false, reasons: [] });
  });

  it('when_kill_switch_on_then_vetoes', () => {
    expect(runRiskAgent(withRisk({ killSwitch: true }), NOW)).toMatchObject({ block: true, reasons: ['kill_switch'] });
  });

  it('when_open_positions_reach_the_limit_then_vetoes_and_one_below_passes', () => {
    expect(runRiskAgent(withRisk({ openPositions: 5, maxOpenPositions: 5 }), NOW)).toMatchObject({
      block: true,
      reasons: ['position_limit_exceeded'],
      metadata: { totalLimitReached: true, symbolLimitReached: false },
    });
    expect(runRiskAgent(withRisk({ openPositions: 4, maxOpenPositions: 5 }), NOW).block).toBe(false);
  });

  it('when_positions_for_the_symbol_reach_the_limit_then_vetoes', () => {
    expect(runRiskAgent(withRisk({ openPositionsForSymbol: 2, maxPositionsPerSymbol: 2 }), NOW)).toMatchObject({
      block: true,
      reasons: ['position_limit_exceeded'],
      metadata: { totalLimitReached: false, symbolLimitReached: true },
    });
  });

  it('when_exposure_reaches_the_limit_then_vetoes_and_just_below_passes', () => {
    expect(runRiskAgent(withRisk({ exposure: 10_000, maxExposure: 10_000 }), NOW)).toMatchObject({
      block: true,
      reasons: ['exposure_exceeded'],
    });
    expect(runRiskAgent(withRisk({ exposure: 9_999.99, maxExposure: 10_000 }), NOW).block).toBe(false);
  });

  it('when_several_checks_fail_then_lists_every_reason_in_order', () => {
    const ctx = baseContext({
      session: SATURDAY,
      risk: { ...OK_RISK, killSwitch: true, openPositions: 9, exposure: 20_000 },
    });
    expect(runRiskAgent(ctx, NOW).reasons).toEqual([
      'market_closed',
      'kill_switch',
      'position_limit_exceeded',
      'exposure_exceeded',
    ]);
  });

  it('when_a_risk_number_is_not_finite_then_fails_closed', () => {
    const out = runRiskAgent(withRisk({ exposure: Number.NaN }), NOW);
    expect(out).toMatchObject({ block: true, reasons: ['risk_state_invalid'] });
    expect(out.metadata).toMatchObject({ invalidFields: ['exposure'] });
  });

  it('a veto makes the meta decision reject whatever the others say', () => {
    const veto = runRiskAgent(withRisk({ killSwitch: true }), NOW);
    const result = metaDecision([
      { agent: 'technical', type: 'core', bias: 'bullish', confidence: 100, reasons: [] },
      { agent: 'orb', type: 'specialist', bias: 'bullish', confidence: 100, reasons: [] },
      veto,
    ]);
    expect(result).toMatchObject({ decision: 'reject', confidence: 0, vetoedBy: 'risk' });
    expect(result.reasons).toEqual(['risk_veto', 'risk:kill_switch']);
  });
});
