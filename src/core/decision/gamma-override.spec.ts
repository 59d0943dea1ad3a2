import { gammaCheckForEngineB, gammaOverrideForEngineA, scaleQuantity } from './gamma-override';

const dealer = (direction: 'long' | 'short' | null, confidence: number) => ({
  direction,
  confidence,
  dealerPosition: 'short_gamma' as const,
  reasons: [],
});

describe('gamma override', () => {
  it('turns Engine A to the dealer side at confidence >= 0.7 and scales the size', () => {
    const result = gammaOverrideForEngineA('long', dealer('short', 0.8));
    expect(result).toMatchObject({ direction: 'short', overridden: true, code: 'gamma_direction_override' });
    expect(scaleQuantity(9, result.quantityMultiplier)).toBe(7);
  });

  it('leaves Engine A alone below 0.7, when the dealer agrees, or when the strategy is off', () => {
    expect(gammaOverrideForEngineA('long', dealer('short', 0.69)).overridden).toBe(false);
    expect(gammaOverrideForEngineA('long', dealer('long', 0.95)).overridden).toBe(false);
    expect(gammaOverrideForEngineA('long', null).code).toBe('dealer_disabled');
  });

  it('nulls Engine B when the dealer takes the other side', () => {
    expect(gammaCheckForEngineB('long', dealer('short', 0.3))).toMatchObject({ keep: false });
    expect(gammaCheckForEngineB('long', dealer(null, 0))).toMatchObject({ keep: true });
    expect(gammaCheckForEngineB('short', dealer('short', 0.9))).toMatchObject({ keep: true, code: 'ok' });
  });

  it('scales quantities down to at least one contract', () => {
    expect(scaleQuantity(1, 0.1)).toBe(1);
    expect(scaleQuantity(0, 0.9)).toBe(0);
    expect(scaleQuantity(10, 0.7)).toBe(7);
  });
});
