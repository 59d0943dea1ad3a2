import { DEFAULT_ENTRY_DECISION_CONFIG, evaluateEntryDecision } from './engine-a';
import { assignVariant, resolveExecutionPolicy } from './experiment';
import { expirationForHold } from './expiration';
import { sizeEngineA } from './sizing';
import { selectStrike, strikeConfig } from './strikes';

/**
 * The spec's section 17 trace, steps 4-7, through the pure core: SPY long at 595.42, confidence 75, long gamma, bias
 * risk multiplier 0.8, ATM strikes, confluence sizing off. The trace's own dates fall on a weekend, so the clock is
 * Friday 2026-02-13 10:30 New York time. Not yet the processors: the decision pipeline wires these together.
 */
describe('section 17 trace, steps 4-7 (pure core)', () => {
  const now = new Date('2026-02-13T15:30:00Z');

  it('routes to Engine A, enters, picks the 596 call on the expiration rule and sizes 9 contracts', () => {
    const experiment = assignVariant(
      { signalId: 'sig-001', symbol: 'SPY', timeframe: '5m' },
      { abSplitPercentage: 0, enableVariantB: false },
    );
    expect(experiment.variant).toBe('A');

    const policy = resolveExecutionPolicy(
      { variant: experiment.variant, engineAAvailable: true, engineBAvailable: false },
      {
        executionMode: 'auto',
        appMode: 'PAPER',
        enableShadowExecution: false,
        enableDualPaperTrading: false,
        splitCapitalAPercent: 50,
      },
    );
    expect(policy.executionMode).toBe('ENGINE_A_PRIMARY');
    expect(policy.executedEngines).toEqual(['A']);

    const entry = evaluateEntryDecision(
      {
        symbol: 'SPY',
        direction: 'long',
        action: 'entry',
        signalTime: now,
        price: 595.42,
        confidence: 75,
        dealerPosition: 'long_gamma',
      },
      DEFAULT_ENTRY_DECISION_CONFIG,
      now,
    );
    expect(entry.decision).toBe('ENTER');

    const strike = selectStrike(
      { symbol: 'SPY', direction: 'long', confidence: 75, spot: 595.42, chain: null },
      strikeConfig({ mode: 'atm', maxHoldDays: 5, minDteExit: 1 }),
      now,
    );
    if (!strike.ok) {
      throw new Error(strike.reasons.join(', '));
    }
    expect(strike.selection).toMatchObject({
      type: 'call',
      strike: 596,
      expiration: expirationForHold(now, 5),
      optionSymbol: 'SPY260220C00596000',
    });

    const sizing = sizeEngineA({
      maxPositionSize: 10,
      dealerPosition: 'long_gamma',
      biasRiskMultiplier: 0.8,
      confluence: { enabled: false, score: 72, basePositionSize: 1 },
      caps: { maxPositionSize: 10 },
    });
    expect(sizing.quantity).toBe(9);
  });
});
