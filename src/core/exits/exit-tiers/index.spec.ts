import { EXIT_TIER_RULES } from './index';

describe('EXIT_TIER_RULES', () => {
  it('is ordered by tier so the runner never sorts', () => {
    const tiers = EXIT_TIER_RULES.map((r) => r.tier);
    expect(tiers).toEqual([...tiers].sort((a, b) => a - b));
  });

  it('has unique names, each the code it emits', () => {
    const names = EXIT_TIER_RULES.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
