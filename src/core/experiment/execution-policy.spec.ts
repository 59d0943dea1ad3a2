import { applyPolicyToRecommendation } from './apply-policy';
import { resolveExecutionPolicy, type PolicyConfig, type PolicyInput } from './execution-policy';

const CONFIG: PolicyConfig = {
  executionMode: 'auto',
  appMode: 'PAPER',
  enableShadowExecution: false,
  enableDualPaperTrading: false,
  splitCapitalAPercent: 50,
};
const BOTH: PolicyInput = { variant: 'A', engineAAvailable: true, engineBAvailable: true };

describe('resolveExecutionPolicy', () => {
  it('reproduces the trace: variant A, B disabled → ENGINE_A_PRIMARY, executed A, no shadow', () => {
    const policy = resolveExecutionPolicy({ variant: 'A', engineAAvailable: true, engineBAvailable: false }, CONFIG);
    expect(policy).toMatchObject({
      executionMode: 'ENGINE_A_PRIMARY',
      executedEngines: ['A'],
      shadowEngine: null,
      capitalShare: { A: 1, B: 0 },
      reason: 'variant_engine_primary',
    });
  });

  describe('auto', () => {
    it('makes variant B primary when B is available', () => {
      const policy = resolveExecutionPolicy({ ...BOTH, variant: 'B' }, CONFIG);
      expect(policy).toMatchObject({ executionMode: 'ENGINE_B_PRIMARY', executedEngines: ['B'], shadowEngine: null });
    });

    it('falls back to A when variant B is unavailable', () => {
      const policy = resolveExecutionPolicy({ variant: 'B', engineAAvailable: true, engineBAvailable: false }, CONFIG);
      expect(policy).toMatchObject({ executionMode: 'ENGINE_A_PRIMARY', reason: 'variant_b_unavailable_fallback_a' });
    });

    it('never promotes B as a fallback: variant A with A down is SHADOW_ONLY', () => {
      const policy = resolveExecutionPolicy({ variant: 'A', engineAAvailable: false, engineBAvailable: true }, CONFIG);
      expect(policy).toMatchObject({
        executionMode: 'SHADOW_ONLY',
        executedEngines: [],
        reason: 'engine_a_unavailable_no_fallback',
      });
    });

    it('lets the other engine shadow when shadow execution is on', () => {
      const policy = resolveExecutionPolicy(BOTH, { ...CONFIG, enableShadowExecution: true });
      expect(policy).toMatchObject({ executedEngines: ['A'], shadowEngine: 'B', notes: ['shadow_execution'] });
    });

    it('does not shadow an unavailable engine', () => {
      const policy = resolveExecutionPolicy(
        { variant: 'A', engineAAvailable: true, engineBAvailable: false },
        { ...CONFIG, enableShadowExecution: true },
      );
      expect(policy.shadowEngine).toBeNull();
    });

    it('with dual paper trading both engines place paper orders, dual winning over shadow', () => {
      const policy = resolveExecutionPolicy(
        { ...BOTH, variant: 'B' },
        { ...CONFIG, enableDualPaperTrading: true, enableShadowExecution: true },
      );
      expect(policy).toMatchObject({
        executionMode: 'ENGINE_B_PRIMARY',
        executedEngines: ['B', 'A'],
        shadowEngine: null,
        capitalShare: { A: 1, B: 1 },
        notes: ['dual_paper_trading'],
      });
    });
  });

  it('is SHADOW_ONLY outside PAPER mode', () => {
    const policy = resolveExecutionPolicy(BOTH, { ...CONFIG, appMode: 'LIVE' });
    expect(policy).toMatchObject({ executionMode: 'SHADOW_ONLY', executedEngines: [], reason: 'app_mode_not_paper' });
  });

  it('is SHADOW_ONLY with no engine available', () => {
    const policy = resolveExecutionPolicy({ variant: 'A', engineAAvailable: false, engineBAvailable: false }, CONFIG);
    expect(policy).toMatchObject({ executionMode: 'SHADOW_ONLY', shadowEngine: null, reason: 'no_engine_available' });
  });

  it('ENGINE_A_PRIMARY makes A primary whatever the variant', () => {
    const policy = resolveExecutionPolicy({ ...BOTH, variant: 'B' }, { ...CONFIG, executionMode: 'ENGINE_A_PRIMARY' });
    expect(policy).toMatchObject({ executionMode: 'ENGINE_A_PRIMARY', reason: 'explicit_engine_a_primary' });
  });

  it('ENGINE_A_PRIMARY with A down is SHADOW_ONLY', () => {
    const policy = resolveExecutionPolicy(
      { variant: 'A', engineAAvailable: false, engineBAvailable: true },
      { ...CONFIG, executionMode: 'ENGINE_A_PRIMARY' },
    );
    expect(policy).toMatchObject({ executionMode: 'SHADOW_ONLY', shadowEngine: 'B' });
  });

  it('ENGINE_B_PRIMARY makes B primary, A shadowing when enabled', () => {
    const policy = resolveExecutionPolicy(BOTH, {
      ...CONFIG,
      executionMode: 'ENGINE_B_PRIMARY',
      enableShadowExecution: true,
    });
    expect(policy).toMatchObject({ executionMode: 'ENGINE_B_PRIMARY', executedEngines: ['B'], shadowEngine: 'A' });
  });

  it('ENGINE_B_PRIMARY falls back to A when B is unavailable', () => {
    const policy = resolveExecutionPolicy(
      { variant: 'B', engineAAvailable: true, engineBAvailable: false },
      { ...CONFIG, executionMode: 'ENGINE_B_PRIMARY' },
    );
    expect(policy).toMatchObject({ executionMode: 'ENGINE_A_PRIMARY', reason: 'engine_b_unavailable_fallback_a' });
  });

  it('SHADOW_ONLY trades nothing, ignores dual paper trading, and runs the variant engine', () => {
    const policy = resolveExecutionPolicy(
      { ...BOTH, variant: 'B' },
      { ...CONFIG, executionMode: 'SHADOW_ONLY', enableDualPaperTrading: true },
    );
    expect(policy).toMatchObject({
      executionMode: 'SHADOW_ONLY',
      executedEngines: [],
      shadowEngine: 'B',
      capitalShare: { A: 0, B: 0 },
      reason: 'explicit_shadow_only',
    });
  });

  it('SPLIT_CAPITAL has both engines trade, A with SPLIT_CAPITAL_A_PERCENT', () => {
    const policy = resolveExecutionPolicy(BOTH, {
      ...CONFIG,
      executionMode: 'SPLIT_CAPITAL',
      splitCapitalAPercent: 70,
    });
    expect(policy).toMatchObject({ executionMode: 'SPLIT_CAPITAL', executedEngines: ['A', 'B'], shadowEngine: null });
    expect(policy.capitalShare.A).toBeCloseTo(0.7, 12);
    expect(policy.capitalShare.B).toBeCloseTo(0.3, 12);
  });

  it('SPLIT_CAPITAL with B down falls back to A primary with all the capital', () => {
    const policy = resolveExecutionPolicy(
      { variant: 'A', engineAAvailable: true, engineBAvailable: false },
      { ...CONFIG, executionMode: 'SPLIT_CAPITAL' },
    );
    expect(policy).toMatchObject({
      executionMode: 'ENGINE_A_PRIMARY',
      capitalShare: { A: 1, B: 0 },
      reason: 'split_capital_b_unavailable_fallback_a',
    });
  });

  it('SPLIT_CAPITAL with A down lets B trade within its own share only', () => {
    const policy = resolveExecutionPolicy(
      { variant: 'A', engineAAvailable: false, engineBAvailable: true },
      { ...CONFIG, executionMode: 'SPLIT_CAPITAL' },
    );
    expect(policy).toMatchObject({ executedEngines: ['B'], capitalShare: { A: 0, B: 0.5 } });
  });

  it('rejects SPLIT_CAPITAL_A_PERCENT outside [0, 100]', () => {
    expect(() => resolveExecutionPolicy(BOTH, { ...CONFIG, splitCapitalAPercent: -1 })).toThrow(RangeError);
  });
});

describe('applyPolicyToRecommendation', () => {
  it('SHADOW_ONLY: every recommendation is shadow', () => {
    const policy = resolveExecutionPolicy(BOTH, { ...CONFIG, executionMode: 'SHADOW_ONLY' });
    expect(applyPolicyToRecommendation(policy, 'A')).toEqual({ isShadow: true, reason: 'shadow_only' });
    expect(applyPolicyToRecommendation(policy, 'B').isShadow).toBe(true);
  });

  it('ENGINE_A_PRIMARY: B is shadow, A is not', () => {
    const policy = resolveExecutionPolicy(BOTH, { ...CONFIG, executionMode: 'ENGINE_A_PRIMARY' });
    expect(applyPolicyToRecommendation(policy, 'A')).toEqual({ isShadow: false, reason: 'engine_executes' });
    expect(applyPolicyToRecommendation(policy, 'B')).toEqual({ isShadow: true, reason: 'engine_not_executed' });
  });

  it('ENGINE_B_PRIMARY: A is shadow, B is not', () => {
    const policy = resolveExecutionPolicy(BOTH, { ...CONFIG, executionMode: 'ENGINE_B_PRIMARY' });
    expect(applyPolicyToRecommendation(policy, 'A').isShadow).toBe(true);
    expect(applyPolicyToRecommendation(policy, 'B').isShadow).toBe(false);
  });

  it('dual paper trading and SPLIT_CAPITAL: neither is shadow', () => {
    for (const policy of [
      resolveExecutionPolicy(BOTH, { ...CONFIG, enableDualPaperTrading: true }),
      resolveExecutionPolicy(BOTH, { ...CONFIG, executionMode: 'SPLIT_CAPITAL' }),
    ]) {
      expect(applyPolicyToRecommendation(policy, 'A').isShadow).toBe(false);
      expect(applyPolicyToRecommendation(policy, 'B').isShadow).toBe(false);
    }
  });
});
