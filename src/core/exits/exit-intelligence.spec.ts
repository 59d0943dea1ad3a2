import { evaluateExitIntelligence, INTEL_CODES, NO_EXIT_INTELLIGENCE } from './exit-intelligence';
import { bias, CONFIG, market, position } from './exits.fixtures';

describe('exit intelligence', () => {
  it('forces nothing when the bias is unchanged, and allocates nothing', () => {
    expect(evaluateExitIntelligence(position(), market(), CONFIG)).toBe(NO_EXIT_INTELLIGENCE);
  });

  it('forces nothing without a current bias', () => {
    expect(evaluateExitIntelligence(position(), market({ bias: null }), CONFIG)).toBe(NO_EXIT_INTELLIGENCE);
  });

  it('forces a full exit when the bias flips against a long call', () => {
    const result = evaluateExitIntelligence(
      position(),
      market({ bias: bias({ direction: 'bearish', confidence: 70 }) }),
      CONFIG,
    );
    expect(result).toMatchObject({ forceFullExit: true, code: INTEL_CODES.biasFlip });
    expect(result.forcePartialExit).toBeUndefined();
    expect(result.reasons[0]).toContain('bearish');
  });

  it('reads a long put as bearish: a bullish flip exits it', () => {
    const put = position({ optionType: 'put', entryBias: bias({ direction: 'bearish' }) });
    expect(evaluateExitIntelligence(put, market({ bias: bias({ direction: 'bullish' }) }), CONFIG).forceFullExit).toBe(
      true,
    );
    expect(evaluateExitIntelligence(put, market({ bias: bias({ direction: 'bearish' }) }), CONFIG)).toBe(
      NO_EXIT_INTELLIGENCE,
    );
  });

  it('ignores a flip with low confidence, and a bias that was already against the position at entry', () => {
    expect(
      evaluateExitIntelligence(
        position({ entryBias: bias({ confidence: 55 }) }),
        market({ bias: bias({ direction: 'bearish', confidence: 45 }) }),
        CONFIG,
      ),
    ).toBe(NO_EXIT_INTELLIGENCE);
    const counterTrend = position({ entryBias: bias({ direction: 'bearish' }) });
    expect(evaluateExitIntelligence(counterTrend, market({ bias: bias({ direction: 'bearish' }) }), CONFIG)).toBe(
      NO_EXIT_INTELLIGENCE,
    );
  });

  it('forces a partial when confidence collapses by 25 points', () => {
    const result = evaluateExitIntelligence(position(), market({ bias: bias({ confidence: 50 }) }), CONFIG);
    expect(result).toMatchObject({
      forceFullExit: false,
      forcePartialExit: 0.5,
      code: INTEL_CODES.confidenceCollapse,
    });
    expect(evaluateExitIntelligence(position(), market({ bias: bias({ confidence: 51 }) }), CONFIG)).toBe(
      NO_EXIT_INTELLIGENCE,
    );
  });

  it('forces a partial on a chop spike, not when chop was already high or unknown at entry', () => {
    expect(evaluateExitIntelligence(position(), market({ bias: bias({ chopScore: 72 }) }), CONFIG)).toMatchObject({
      forcePartialExit: 0.5,
      code: INTEL_CODES.chopSpike,
    });
    const choppyEntry = position({ entryBias: bias({ chopScore: 75 }) });
    expect(evaluateExitIntelligence(choppyEntry, market({ bias: bias({ chopScore: 80 }) }), CONFIG)).toBe(
      NO_EXIT_INTELLIGENCE,
    );
    const unknownEntry = position({ entryBias: bias({ chopScore: null }) });
    expect(evaluateExitIntelligence(unknownEntry, market({ bias: bias({ chopScore: 80 }) }), CONFIG)).toBe(
      NO_EXIT_INTELLIGENCE,
    );
  });

  it('forces a partial on a regime change between known regimes', () => {
    expect(evaluateExitIntelligence(position(), market({ bias: bias({ regime: 'RANGE' }) }), CONFIG)).toMatchObject({
      code: INTEL_CODES.regimeChange,
      forcePartialExit: 0.5,
    });
    expect(evaluateExitIntelligence(position(), market({ bias: bias({ regime: null }) }), CONFIG)).toBe(
      NO_EXIT_INTELLIGENCE,
    );
  });

  it('escalates two partial signals at once to a full exit', () => {
    const result = evaluateExitIntelligence(
      position(),
      market({ bias: bias({ regime: 'RANGE', chopScore: 85 }) }),
      CONFIG,
    );
    expect(result).toMatchObject({ forceFullExit: true, code: INTEL_CODES.escalation });
    expect(result.reasons).toHaveLength(3);
  });

  it('does not repeat a partial already taken', () => {
    const taken = position({ takenPartials: [INTEL_CODES.regimeChange] });
    expect(evaluateExitIntelligence(taken, market({ bias: bias({ regime: 'RANGE' }) }), CONFIG)).toBe(
      NO_EXIT_INTELLIGENCE,
    );
  });

  it('needs the entry bias for everything but the flip', () => {
    const noEntry = position({ entryBias: null });
    expect(evaluateExitIntelligence(noEntry, market({ bias: bias({ confidence: 10, regime: 'RANGE' }) }), CONFIG)).toBe(
      NO_EXIT_INTELLIGENCE,
    );
    expect(
      evaluateExitIntelligence(noEntry, market({ bias: bias({ direction: 'bearish' }) }), CONFIG).forceFullExit,
    ).toBe(true);
  });
});
