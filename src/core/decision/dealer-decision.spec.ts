import { dealerDecision } from './dealer-decision';

const flow = (bullishPremium: number, bearishPremium: number, entries = 20) => ({
  bullishPremium,
  bearishPremium,
  entries,
});

describe('dealerDecision', () => {
  it('takes no side without enough flow', () => {
    expect(dealerDecision({ gex: null, flow: null, price: 100 }).direction).toBeNull();
    expect(dealerDecision({ gex: null, flow: flow(10, 1, 2), price: 100 }).reasons).toContain('insufficient_flow');
  });

  it('reads the side from the flow imbalance, scaled by the gamma regime', () => {
    const shortGamma = dealerDecision({
      gex: { netGex: -1e8, dealerPosition: 'short_gamma', zeroGammaLevel: null },
      flow: flow(900, 100),
      price: 100,
    });
    expect(shortGamma).toMatchObject({ direction: 'long', confidence: 0.8 });
    const longGamma = dealerDecision({
      gex: { netGex: 1e8, dealerPosition: 'long_gamma', zeroGammaLevel: null },
      flow: flow(900, 100),
      price: 100,
    });
    expect(longGamma.confidence).toBe(0.64);
  });

  it('adds confidence when price sits on the flow side of the zero-gamma level', () => {
    const result = dealerDecision({
      gex: { netGex: -1e8, dealerPosition: 'short_gamma', zeroGammaLevel: 105 },
      flow: flow(100, 900),
      price: 100,
    });
    expect(result).toMatchObject({ direction: 'short', confidence: 0.9 });
    expect(result.reasons).toContain('price_below_zero_gamma');
  });

  it('takes no side below DEALER_STRATEGY_WEIGHT', () => {
    const result = dealerDecision(
      { gex: null, flow: flow(550, 450), price: 100 },
      { minConfidence: 0.25, minFlowEntries: 5 },
    );
    expect(result.direction).toBeNull();
    expect(result.reasons).toContain('below_dealer_threshold');
  });

  it('reads the section 17 trace as bullish (calls 12.5M vs puts 8M, long gamma)', () => {
    const result = dealerDecision({
      gex: { netGex: 250_000_000, dealerPosition: 'long_gamma', zeroGammaLevel: 590 },
      flow: flow(12_500_000, 8_000_000, 50),
      price: 595.42,
    });
    expect(result.direction).toBe('long');
    expect(result.confidence).toBeLessThan(0.7);
  });
});
