import { deltaTierFor } from './delta-tier';
import { SPEC_DELTA_TIERS, strikeConfig, validateStrikeConfig } from './strike.config';

describe('deltaTierFor (the spec confidence table)', () => {
  it.each([
    [0, 'low'],
    [49, 'low'],
    [49.99, 'low'],
    [50, 'medium'],
    [69, 'medium'],
    [69.99, 'medium'],
    [70, 'high'],
    [100, 'high'],
  ])('confidence %p -> %s', (confidence, name) => {
    expect(deltaTierFor(confidence, SPEC_DELTA_TIERS)?.name).toBe(name);
  });

  it('matches rows by minConfidence whatever their order', () => {
    expect(deltaTierFor(75, [...SPEC_DELTA_TIERS].reverse())?.name).toBe('high');
  });

  it('has the spec targets and a shorter expiration for low confidence', () => {
    expect(SPEC_DELTA_TIERS.map((tier) => [tier.name, tier.deltaMin, tier.deltaMax, tier.dte])).toEqual([
      ['high', 0.6, 0.7, 'standard'],
      ['medium', 0.45, 0.55, 'standard'],
      ['low', 0.4, 0.5, 'shorter'],
    ]);
  });
});

describe('validateStrikeConfig', () => {
  it('accepts the defaults', () => {
    expect(validateStrikeConfig(strikeConfig())).toEqual([]);
  });

  it('names each problem', () => {
    const config = strikeConfig({
      maxHoldDays: 2.5,
      minDteExit: -1,
      strikeIncrements: { SPX: 0 },
      deltaTargets: [{ name: 'only', minConfidence: 60, deltaMin: 0.5, deltaMax: 0.4, dte: 'standard' }],
    });
    expect(validateStrikeConfig(config)).toEqual([
      'invalid_config:minDteExit',
      'invalid_config:maxHoldDays (whole days)',
      'invalid_config:strikeIncrement',
      'invalid_config:deltaTargets (one row must start at confidence 0)',
      'invalid_config:deltaTargets.only',
    ]);
  });
});
