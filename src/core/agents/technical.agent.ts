import type { AgentContext } from './agent-context';
import { FULL_CONFIDENCE_BOUNDS, type AgentDescriptor, type AgentOutput } from './agent.types';
import { agentVote, biasOfSign, finiteOrNull, usablePrice } from './agent-vote';

/**
 * TechnicalAgent (spec section 6, core, always active): EMA8/EMA21 alignment and the price against EMA8, EMA21 and
 * VWAP; RSI extremes dampen. Rules and reason codes: docs/agents-rules.md.
 */
export const TECHNICAL_AGENT: AgentDescriptor = Object.freeze({
  name: 'technical',
  type: 'core',
  featureFlag: null,
  confidenceBounds: FULL_CONFIDENCE_BOUNDS,
});

/** Reason codes, stored and shown; never rename. */
export const TECHNICAL_REASONS = {
  ema8AboveEma21: 'ema8_above_ema21',
  ema8BelowEma21: 'ema8_below_ema21',
  priceAboveEma8: 'price_above_ema8',
  priceBelowEma8: 'price_below_ema8',
  priceAboveEma21: 'price_above_ema21',
  priceBelowEma21: 'price_below_ema21',
  priceAboveVwap: 'price_above_vwap',
  priceBelowVwap: 'price_below_vwap',
  emaMixed: 'ema_mixed',
  indicatorsUnavailable: 'indicators_unavailable',
  rsiOverbought: 'rsi_overbought',
  rsiOversold: 'rsi_oversold',
  rsiConfirms: 'rsi_confirms',
} as const;

export const TECHNICAL_AGENT_SETTINGS = Object.freeze({
  /** Points per check: EMA8 vs EMA21 counts double, each price comparison once. */
  emaAlignmentPoints: 2,
  pricePoints: 1,
  /** Directional confidence = directionalBase + alignmentSpan × |score| / max score. */
  directionalBase: 40,
  alignmentSpan: 40,
  neutralConfidence: 30,
  /** Spec "graceful degradation": every EMA taken at the current price → neutral at this confidence. */
  fallbackConfidence: 20,
  rsiOverbought: 70,
  rsiOversold: 30,
  rsiExtremePenalty: -15,
  rsiConfirmBonus: 5,
});

/** Null without a usable price (Engine B as a whole returns null then). */
export function runTechnicalAgent(ctx: AgentContext, _now: Date): AgentOutput | null {
  const price = usablePrice(ctx.price);
  if (price === null) {
    return null;
  }
  const s = TECHNICAL_AGENT_SETTINGS;
  const ema8 = finiteOrNull(ctx.indicators?.ema8);
  const ema21 = finiteOrNull(ctx.indicators?.ema21);
  const vwap = finiteOrNull(ctx.indicators?.vwap);
  const rsi14 = finiteOrNull(ctx.indicators?.rsi14);

  if (ema8 === null || ema21 === null) {
    // Fallback indicators: EMA8 = EMA21 = price, so nothing is aligned.
    return agentVote(TECHNICAL_AGENT, {
      bias: 'neutral',
      confidence: s.fallbackConfidence,
      reasons: [TECHNICAL_REASONS.indicatorsUnavailable],
      metadata: { price, ema8: price, ema21: price, vwap, rsi14, score: 0, maxScore: 0, fallback: true },
    });
  }

  const reasons: string[] = [];
  let score = 0;
  let maxScore = 0;
  const compare = (a: number, b: number, points: number, above: string, below: string): void => {
    maxScore += points;
    if (a > b) {
      score += points;
      reasons.push(above);
    } else if (a < b) {
      score -= points;
      reasons.push(below);
    }
  };
  const r = TECHNICAL_REASONS;
  compare(ema8, ema21, s.emaAlignmentPoints, r.ema8AboveEma21, r.ema8BelowEma21);
  compare(price, ema8, s.pricePoints, r.priceAboveEma8, r.priceBelowEma8);
  compare(price, ema21, s.pricePoints, r.priceAboveEma21, r.priceBelowEma21);
  if (vwap !== null) {
    compare(price, vwap, s.pricePoints, r.priceAboveVwap, r.priceBelowVwap);
  }

  const bias = biasOfSign(score);
  let confidence: number;
  if (bias === 'neutral') {
    reasons.push(r.emaMixed);
    confidence = s.neutralConfidence;
  } else {
    confidence = s.directionalBase + (s.alignmentSpan * Math.abs(score)) / maxScore;
    if (rsi14 !== null) {
      if (bias === 'bullish' && rsi14 >= s.rsiOverbought) {
        reasons.push(r.rsiOverbought);
        confidence += s.rsiExtremePenalty;
      } else if (bias === 'bearish' && rsi14 <= s.rsiOversold) {
        reasons.push(r.rsiOversold);
        confidence += s.rsiExtremePenalty;
      } else if ((bias === 'bullish' && rsi14 > 50) || (bias === 'bearish' && rsi14 < 50)) {
        reasons.push(r.rsiConfirms);
        confidence += s.rsiConfirmBonus;
      }
    }
  }

  return agentVote(TECHNICAL_AGENT, {
    bias,
    confidence,
    reasons,
    metadata: { price, ema8, ema21, vwap, rsi14, score, maxScore, fallback: false },
  });
}
