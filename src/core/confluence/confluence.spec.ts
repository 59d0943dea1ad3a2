import { summarizeFlow, type FlowEntry } from '../flow';
import { passesConfluenceGate, scoreConfluence } from './index';

const NOW = new Date('2026-02-13T15:30:00Z');

/** The spec's section 17 trace: 50 unsided prints, $12.5M of calls and $8M of puts. */
function traceFlow(): ReturnType<typeof summarizeFlow> {
  const entries: FlowEntry[] = [];
  for (let i = 0; i < 25; i++) {
    const timestamp = new Date(NOW.getTime() - (i + 1) * 60_000);
    entries.push({
      optionSymbol: 'SPY260220C00596000',
      side: 'unknown',
      size: 1,
      price: 0,
      premium: 500_000,
      timestamp,
    });
    entries.push({
      optionSymbol: 'SPY260220P00590000',
      side: 'unknown',
      size: 1,
      price: 0,
      premium: 320_000,
      timestamp,
    });
  }
  return summarizeFlow(entries, { now: NOW });
}

const traceGex = { netGex: 250_000_000, dealerPosition: 'long_gamma' as const, zeroGammaLevel: 590 };

describe('scoreConfluence', () => {
  it('reproduces the spec trace: long SPY at 595.42, long gamma, calls 12.5M vs puts 8M scores 72 and passes 50', () => {
    const flow = traceFlow();
    expect(flow).toMatchObject({ callPremium: 12_500_000, putPremium: 8_000_000, entries: 50 });
    const result = scoreConfluence({ direction: 'long', flow, gex: traceGex, spot: 595.42 });
    // f = tanh(2 x 4.5 / 20.5) = 0.41284; g = 0.5 tanh(5.42 / 5.9542) + 0.3 x 0.5 = 0.51063; c = min(f, g).
    expect(result.flowStrength).toBeCloseTo(0.41284, 5);
    expect(result.gammaStrength).toBeCloseTo(0.51063, 5);
    expect(result.components).toEqual({ flow: 28.26, gamma: 22.66, alignment: 21.19 });
    expect(result.score).toBe(72);
    expect(result.tradeGatePasses).toBe(true);
    expect(result.threshold).toBe(50);
    expect(result.reasons).toEqual(
      expect.arrayContaining([
        'net_flow_bullish',
        'flow_supports_direction',
        'dealer_long_gamma',
        'spot_above_zero_gamma',
        'flow_and_gamma_agree',
      ]),
    );
  });

  it('scores the same positioning low for a short signal', () => {
    const result = scoreConfluence({ direction: 'short', flow: traceFlow(), gex: traceGex, spot: 595.42 });
    expect(result.score).toBe(28);
    expect(result.tradeGatePasses).toBe(false);
    expect(result.reasons).toEqual(expect.arrayContaining(['flow_against_direction', 'gamma_against_direction']));
  });

  it('is neutral (half of every component) with no data, and says so', () => {
    const result = scoreConfluence({ direction: 'long', flow: null, gex: null });
    expect(result.components).toEqual({ flow: 20, gamma: 15, alignment: 15 });
    expect(result.score).toBe(50);
    expect(result.reasons).toEqual(['flow_unavailable', 'gex_unavailable', 'alignment_partial_data']);
  });

  it('favours shorts below the flip in short gamma', () => {
    const result = scoreConfluence({
      direction: 'short',
      flow: { bullishPremium: 2_000_000, bearishPremium: 8_000_000, entries: 40 },
      gex: { dealerPosition: 'short_gamma', zeroGammaLevel: 600, spot: 590, putWall: 570 },
    });
    expect(result.score).toBeGreaterThan(80);
    expect(result.reasons).toEqual(
      expect.arrayContaining(['dealer_short_gamma', 'spot_below_zero_gamma', 'room_to_wall']),
    );
  });

  it('scales thin flow down towards neutral', () => {
    const strong = { bullishPremium: 1_000_000, bearishPremium: 0 };
    const thick = scoreConfluence({ direction: 'long', flow: { ...strong, entries: 10 }, gex: null });
    const thin = scoreConfluence({ direction: 'long', flow: { ...strong, entries: 2 }, gex: null });
    expect(thick.flowStrength).toBeCloseTo(Math.tanh(2), 12);
    expect(thin.flowStrength).toBeCloseTo(Math.tanh(2) * 0.2, 12);
    expect(thin.reasons).toContain('flow_thin');
  });

  it('marks a call wall right above spot against a long', () => {
    const base = { dealerPosition: 'neutral' as const, spot: 100, zeroGammaLevel: null };
    const blocked = scoreConfluence({ direction: 'long', flow: null, gex: { ...base, callWall: 100.1 } });
    const open = scoreConfluence({ direction: 'long', flow: null, gex: { ...base, callWall: 105 } });
    expect(blocked.gammaStrength).toBeLessThan(0);
    expect(open.gammaStrength).toBeGreaterThan(0);
    expect(blocked.reasons).toContain('wall_close_ahead');
  });

  it('gates at the threshold given', () => {
    const result = scoreConfluence({
      direction: 'long',
      flow: traceFlow(),
      gex: traceGex,
      spot: 595.42,
      config: { threshold: 75 },
    });
    expect(result.tradeGatePasses).toBe(false);
    expect(passesConfluenceGate(result, 72)).toBe(true);
    expect(passesConfluenceGate(result, 72.5)).toBe(false);
  });
});
