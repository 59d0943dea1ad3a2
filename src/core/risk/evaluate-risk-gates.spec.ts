import { evaluateRiskGates, RISK_GATES } from './evaluate-risk-gates';
import { limits, NOW, POSITIONS, signal, snapshot, WEEKEND } from './risk.fixtures';
import type { RiskSnapshot } from './risk.types';

/** Every entry limit breached at once, with the market open. */
const everythingBreached = (): RiskSnapshot =>
  snapshot({
    killSwitch: true,
    realizedPnlToday: -5_000,
    tradesToday: 10,
    positions: [
      ...POSITIONS,
      ...POSITIONS.map((row) => ({ ...row, engine: 'B' as const, status: 'open' as const, quantity: 30 })),
    ],
    lastTradeAtBySymbol: { SPY: NOW },
    biasGate: null,
  });
const strict = limits({ maxDailyTrades: 1, confluenceGateEnabled: true, requireMtfBias: true });

describe('evaluateRiskGates', () => {
  it('evaluates every gate in the fixed order', () => {
    const result = evaluateRiskGates(snapshot(), limits(), NOW);
    expect(result.verdicts.map((verdict) => verdict.gate)).toEqual([
      'kill_switch',
      'market_hours',
      'daily_loss',
      'daily_trades',
      'max_open_positions',
      'max_positions_per_symbol',
      'position_size',
      'exposure',
      'duplicate_trade',
      'cooldown',
      'confluence',
      'mtf_bias',
    ]);
    expect(result).toMatchObject({ pass: true, firstFailure: null, quantityCap: null });
  });

  it('when_several_gates_fail_then_first_failure_is_the_earliest_and_all_are_reported', () => {
    const result = evaluateRiskGates(everythingBreached(), strict, NOW);
    expect(result.pass).toBe(false);
    expect(result.firstFailure).toMatchObject({ gate: 'kill_switch', code: 'kill_switch_active' });
    expect(result.verdicts.filter((verdict) => !verdict.pass).map((verdict) => verdict.code)).toEqual([
      'kill_switch_active',
      'daily_loss_limit',
      'daily_trade_limit',
      'max_open_positions_exceeded',
      'max_positions_per_symbol_exceeded',
      'exposure_exceeded',
      'duplicate_position',
      'cooldown_active',
      'confluence_unavailable',
      'mtf_bias_blocked',
    ]);
  });

  it('when_the_market_is_closed_then_first_failure_is_market_closed_ahead_of_capacity', () => {
    const result = evaluateRiskGates(
      snapshot({ positions: POSITIONS }, WEEKEND),
      limits({ maxOpenPositions: 1 }),
      WEEKEND,
    );
    expect(result.firstFailure).toMatchObject({ gate: 'market_hours', code: 'market_closed' });
  });

  it('when_the_size_is_over_the_maximum_then_passes_with_a_quantity_cap', () => {
    const result = evaluateRiskGates(snapshot({ proposed: { quantity: 12, premium: 1 } }), limits(), NOW);
    expect(result).toMatchObject({ pass: true, quantityCap: 10 });
  });

  it('an exit signal is never blocked by entry limits', () => {
    const breached = everythingBreached();
    for (const action of ['exit', 'cancel'] as const) {
      const result = evaluateRiskGates({ ...breached, signal: signal(breached, { action }) }, strict, NOW);
      expect(result).toMatchObject({ pass: true, firstFailure: null });
      const applied = result.verdicts.filter((verdict) => !verdict.skipped).map((verdict) => verdict.gate);
      expect(applied).toEqual(['market_hours']);
      expect(result.verdicts.filter((verdict) => verdict.skipped).every((v) => v.code === 'not_applicable')).toBe(true);
    }
  });

  it('an add signal faces the entry limits', () => {
    const breached = everythingBreached();
    const result = evaluateRiskGates({ ...breached, signal: signal(breached, { action: 'add' }) }, strict, NOW);
    expect(result.firstFailure?.code).toBe('kill_switch_active');
  });

  it('only market hours applies to exits', () => {
    expect(RISK_GATES.filter((gate) => !gate.entryOnly).map((gate) => gate.name)).toEqual(['market_hours']);
    const closedExit = snapshot({}, WEEKEND);
    const result = evaluateRiskGates(
      { ...closedExit, signal: signal(closedExit, { action: 'exit' }) },
      limits(),
      WEEKEND,
    );
    expect(result.firstFailure).toMatchObject({ gate: 'market_hours', code: 'market_closed' });
  });
});
