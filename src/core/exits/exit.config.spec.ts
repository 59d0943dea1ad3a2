import { DEFAULT_EXIT_CONFIG } from './exit.config';

describe('DEFAULT_EXIT_CONFIG', () => {
  it('keeps the spec defaults: 50 % target, 50 % stop, 120 h hold, 1 day DTE', () => {
    expect(DEFAULT_EXIT_CONFIG).toMatchObject({
      profitTargetPct: 50,
      stopLossPct: 50,
      maxHoldHours: 120,
      minDteExit: 1,
      enableDecisionEngine: true,
      enableIntelligence: true,
      partialExitFraction: 0.5,
    });
  });

  it('has the trailing stop off and puts the first target below the full target', () => {
    expect(DEFAULT_EXIT_CONFIG.trailingStopPct).toBe(0);
    expect(DEFAULT_EXIT_CONFIG.firstTargetFraction).toBeLessThan(1);
    expect(DEFAULT_EXIT_CONFIG.deepLossPct).toBeGreaterThan(DEFAULT_EXIT_CONFIG.stopLossPct);
    expect(DEFAULT_EXIT_CONFIG.nearExpiryHours).toBeGreaterThan(DEFAULT_EXIT_CONFIG.minDteExit * 24);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(DEFAULT_EXIT_CONFIG)).toBe(true);
  });
});
