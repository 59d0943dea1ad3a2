import type { PortfolioGuardInput } from './guard-rules';
import {
  equityAvailableRule,
  netExposureRule,
  shortGammaChopRule,
  shortGammaCounterBiasRule,
  symbolConcentrationRule,
} from './guard-rules';
import { evaluatePortfolioGuard } from './portfolio-guard';
import { DEFAULT_PORTFOLIO_GUARD_CONFIG } from './portfolio-guard.config';

const config = { ...DEFAULT_PORTFOLIO_GUARD_CONFIG };

/** The spec trace: SPY long, two unrelated open positions, long gamma, bullish bias, equity 100000. */
const traceInput = (over: Partial<PortfolioGuardInput> = {}): PortfolioGuardInput => ({
  openPositions: [
    { symbol: 'QQQ', direction: 'long', notional: 5000 },
    { symbol: 'IWM', direction: 'short', notional: 3000 },
  ],
  equity: 100000,
  signal: { symbol: 'SPY', direction: 'long' },
  marketState: { dealerPosition: 'long_gamma', biasDirection: 'bullish', chopScore: 35 },
  ...over,
});

describe('guard rules', () => {
  it('equity_available: blocks on non-positive equity, passes otherwise', () => {
    expect(equityAvailableRule.evaluate(traceInput({ equity: 0 }), config)).toMatchObject({
      action: 'BLOCK',
      code: 'equity_unavailable',
    });
    expect(equityAvailableRule.evaluate(traceInput(), config)).toMatchObject({ action: 'ALLOW', code: 'ok' });
  });

  it('net_exposure: net same-direction exposure reduces at 30% and blocks at 50%', () => {
    const longs = (notional: number) => traceInput({ openPositions: [{ symbol: 'QQQ', direction: 'long', notional }] });
    expect(netExposureRule.evaluate(longs(29_999), config)).toMatchObject({ action: 'ALLOW' });
    expect(netExposureRule.evaluate(longs(30_000), config)).toMatchObject({
      action: 'REDUCE',
      code: 'net_exposure_reduce',
      sizeMultiplier: 0.5,
    });
    expect(netExposureRule.evaluate(longs(50_000), config)).toMatchObject({
      action: 'BLOCK',
      code: 'net_exposure_block',
      sizeMultiplier: 0,
    });
  });

  it('net_exposure: opposite-direction positions offset, and a signal against the lean passes', () => {
    const book = traceInput({
      openPositions: [
        { symbol: 'QQQ', direction: 'long', notional: 60_000 },
        { symbol: 'IWM', direction: 'short', notional: 40_000 },
      ],
    });
    expect(netExposureRule.evaluate(book, config)).toMatchObject({ action: 'ALLOW' }); // net 20%
    const shortSignal = traceInput({
      openPositions: [{ symbol: 'QQQ', direction: 'long', notional: 60_000 }],
      signal: { symbol: 'SPY', direction: 'short' },
    });
    expect(netExposureRule.evaluate(shortSignal, config)).toMatchObject({ action: 'ALLOW' });
  });

  it('symbol_concentration: gross notional in the symbol reduces at 20% and blocks at 35%', () => {
    const spy = (notional: number) =>
      traceInput({
        openPositions: [
          { symbol: 'spy', direction: 'long', notional: notional / 2 },
          { symbol: 'SPY', direction: 'short', notional: notional / 2 },
        ],
      });
    expect(symbolConcentrationRule.evaluate(spy(19_000), config)).toMatchObject({ action: 'ALLOW' });
    expect(symbolConcentrationRule.evaluate(spy(20_000), config)).toMatchObject({
      action: 'REDUCE',
      code: 'symbol_concentration_reduce',
    });
    expect(symbolConcentrationRule.evaluate(spy(35_000), config)).toMatchObject({
      action: 'BLOCK',
      code: 'symbol_concentration_block',
    });
  });

  it('short_gamma_chop: reduces only under short gamma with chop at or above 60', () => {
    const state = (dealerPosition: 'long_gamma' | 'short_gamma', chopScore: number | null) =>
      traceInput({ marketState: { dealerPosition, chopScore } });
    expect(shortGammaChopRule.evaluate(state('short_gamma', 60), config)).toMatchObject({
      action: 'REDUCE',
      code: 'short_gamma_chop',
      sizeMultiplier: 0.5,
    });
    expect(shortGammaChopRule.evaluate(state('short_gamma', 59), config)).toMatchObject({ action: 'ALLOW' });
    expect(shortGammaChopRule.evaluate(state('short_gamma', null), config)).toMatchObject({ action: 'ALLOW' });
    expect(shortGammaChopRule.evaluate(state('long_gamma', 95), config)).toMatchObject({ action: 'ALLOW' });
  });

  it('short_gamma_counter_bias: reduces a signal against the bias under short gamma only', () => {
    const state = (dealerPosition: 'long_gamma' | 'short_gamma', biasDirection: 'bullish' | 'bearish' | 'neutral') =>
      traceInput({ marketState: { dealerPosition, biasDirection } });
    expect(shortGammaCounterBiasRule.evaluate(state('short_gamma', 'bearish'), config)).toMatchObject({
      action: 'REDUCE',
      code: 'short_gamma_counter_bias',
      sizeMultiplier: 0.75,
    });
    expect(shortGammaCounterBiasRule.evaluate(state('short_gamma', 'bullish'), config)).toMatchObject({
      action: 'ALLOW',
    });
    expect(shortGammaCounterBiasRule.evaluate(state('short_gamma', 'neutral'), config)).toMatchObject({
      action: 'ALLOW',
    });
    expect(shortGammaCounterBiasRule.evaluate(state('long_gamma', 'bearish'), config)).toMatchObject({
      action: 'ALLOW',
    });
  });
});

describe('evaluatePortfolioGuard', () => {
  it('when the spec trace inputs arrive then it allows at full size', () => {
    const result = evaluatePortfolioGuard(traceInput(), config);
    expect(result).toMatchObject({ decision: 'ALLOW', sizeMultiplier: 1, code: 'ok' });
    expect(result.checks).toHaveLength(5);
  });

  it('when two reduce rules fire then their multipliers compound, floored at minSizeMultiplier', () => {
    const input = traceInput({
      openPositions: [{ symbol: 'SPY', direction: 'long', notional: 30_000 }],
      marketState: { dealerPosition: 'short_gamma', biasDirection: 'bearish', chopScore: 70 },
    });
    const result = evaluatePortfolioGuard(input, config);
    // 0.5 (net) x 0.5 (concentration) x 0.5 (chop) x 0.75 (counter bias) = 0.09375 -> floor 0.25
    expect(result).toMatchObject({ decision: 'REDUCE', code: 'net_exposure_reduce', sizeMultiplier: 0.25 });
    const lighter = evaluatePortfolioGuard(
      traceInput({ marketState: { dealerPosition: 'short_gamma', biasDirection: 'bearish', chopScore: 70 } }),
      config,
    );
    expect(lighter).toMatchObject({ decision: 'REDUCE', code: 'short_gamma_chop', sizeMultiplier: 0.375 });
  });

  it('when any rule blocks then the guard blocks, even with reductions', () => {
    const result = evaluatePortfolioGuard(
      traceInput({
        openPositions: [{ symbol: 'QQQ', direction: 'long', notional: 55_000 }],
        marketState: { dealerPosition: 'short_gamma', chopScore: 90 },
      }),
      config,
    );
    expect(result).toMatchObject({ decision: 'BLOCK', sizeMultiplier: 0, code: 'net_exposure_block' });
  });

  it('when equity is missing then it blocks with equity_unavailable', () => {
    expect(evaluatePortfolioGuard(traceInput({ equity: Number.NaN }), config)).toMatchObject({
      decision: 'BLOCK',
      code: 'equity_unavailable',
    });
  });
});
