import type { BiasDirection, MacroClass, ModeHint, Regime } from './bias.types';

function key(value: string): string {
  return value
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_');
}

const BIAS_WORDS: Readonly<Record<string, BiasDirection>> = {
  BULLISH: 'bullish',
  BULL: 'bullish',
  LONG: 'bullish',
  UP: 'bullish',
  BUY: 'bullish',
  BEARISH: 'bearish',
  BEAR: 'bearish',
  SHORT: 'bearish',
  DOWN: 'bearish',
  SELL: 'bearish',
  NEUTRAL: 'neutral',
  FLAT: 'neutral',
  NONE: 'neutral',
  HOLD: 'neutral',
  RANGE: 'neutral',
};

/** V3 sends BULLISH/BEARISH/NEUTRAL; legacy V1 also HOLD; hand-written alerts long/short/up/down. */
export function readBiasWord(value: string): BiasDirection | null {
  return BIAS_WORDS[key(value)] ?? null;
}

const REGIME_WORDS: Readonly<Record<string, Regime>> = {
  TREND: 'TRENDING',
  TRENDING: 'TRENDING',
  TREND_UP: 'TRENDING',
  TREND_DOWN: 'TRENDING',
  BREAKOUT: 'TRENDING',
  BREAKDOWN: 'TRENDING',
  RANGE: 'RANGING',
  RANGING: 'RANGING',
  CHOP: 'RANGING',
  CHOPPY: 'RANGING',
  VOLATILE: 'VOLATILE',
  EXPANSION: 'VOLATILE',
};

/** V3 `mtf.regime.type` (TREND, RANGE), V1 (also BREAKOUT, BREAKDOWN), and the platform's own names. */
export function readRegimeWord(value: string): Regime | null {
  return REGIME_WORDS[key(value)] ?? null;
}

const MACRO_WORDS: Readonly<Record<string, MacroClass>> = {
  RISK_ON: 'RISK_ON',
  RISK_OFF: 'RISK_OFF',
  NEUTRAL: 'NEUTRAL',
  MACRO_TREND_UP: 'RISK_ON',
  MACRO_TREND_DOWN: 'RISK_OFF',
  MACRO_BREAKDOWN_CONFIRMED: 'RISK_OFF',
  MACRO_REVERSAL_RISK: 'NEUTRAL',
  MACRO_RANGE: 'NEUTRAL',
  BULLISH: 'RISK_ON',
  BEARISH: 'RISK_OFF',
};

/** The V3 indicator's macro classes fold into RISK_ON / RISK_OFF / NEUTRAL; the original label is kept as detail. */
export function readMacroWord(value: string): MacroClass | null {
  return MACRO_WORDS[key(value)] ?? null;
}

const MODE_WORDS: Readonly<Record<string, ModeHint>> = {
  BREAKOUT: 'BREAKOUT',
  PULLBACK: 'PULLBACK',
  MEAN_REVERT: 'MEAN_REVERT',
  MEAN_REVERSION: 'MEAN_REVERT',
  CONTINUATION: 'CONTINUATION',
  REVERSAL: 'REVERSAL',
  FAKEOUT: 'REVERSAL',
  NO_TRADE: 'NO_TRADE',
  NONE: 'NONE',
  NEUTRAL: 'NONE',
  COMPRESSION: 'NONE',
};

/** V3 `risk_context.entry_mode_hint` (BREAKOUT, PULLBACK, MEAN_REVERT, NO_TRADE) or `intent.type`. */
export function readModeWord(value: string): ModeHint | null {
  return MODE_WORDS[key(value)] ?? null;
}
