import { emaSeries } from '../indicators';
import type { AgentContext } from './agent-context';
import { SPEC_CONFIDENCE_BOUNDS, type AgentBias, type AgentDescriptor, type AgentOutput } from './agent.types';
import { agentVote, biasOfDirection, finiteOrNull, usablePrice } from './agent-vote';

/**
 * SatylandSubAgent (spec section 6, subagent, ENABLE_SATYLAND_SUBAGENT): EMA21 alignment confirmation. Confidence
 * stays within the spec's 20-90 by construction (lowest path 20, highest 80). Rules and reason codes:
 * docs/agents-rules.md.
 */
export const SATYLAND_AGENT: AgentDescriptor = Object.freeze({
  name: 'satyland',
  type: 'subagent',
  featureFlag: 'ENABLE_SATYLAND_SUBAGENT',
  confidenceBounds: SPEC_CONFIDENCE_BOUNDS.satyland,
});

/** Reason codes, stored and shown; never rename. */
export const SATYLAND_REASONS = {
  priceAboveEma21: 'price_above_ema21',
  priceBelowEma21: 'price_below_ema21',
  priceAtEma21: 'price_at_ema21',
  ema21Rising: 'ema21_rising',
  ema21Falling: 'ema21_falling',
  ema21Flat: 'ema21_flat',
  ema21Aligned: 'ema21_aligned',
  slopeDisagrees: 'ema21_slope_disagrees',
  confirmsSignal: 'confirms_signal',
  contradictsSignal: 'contradicts_signal',
  extendedFromEma21: 'extended_from_ema21',
} as const;

export const SATYLAND_AGENT_SETTINGS = Object.freeze({
  /** EMA21 slope measured over this many bars. */
  slopeBars: 3,
  /** |slope| as % of EMA21 under which the EMA is flat. */
  flatSlopePct: 0.01,
  /** |slope| as % of EMA21 earning the full slope bonus (pro rata below). */
  fullSlopePct: 0.1,
  alignedBase: 60,
  slopeBonus: 10,
  flatBase: 40,
  disagreeBase: 35,
  atEma21Confidence: 20,
  confirmsSignalBonus: 10,
  /** Price more than this many ATR(14) from EMA21: extended, chasing. */
  extendedAtr: 2,
  extendedPenalty: -10,
});

/** Null (not applicable) without a usable price or without EMA21 at the last `slopeBars` + 1 candles. */
export function runSatylandAgent(ctx: AgentContext, _now: Date): AgentOutput | null {
  const price = usablePrice(ctx.price);
  const s = SATYLAND_AGENT_SETTINGS;
  if (price === null || ctx.candles.length < 21 + s.slopeBars) {
    return null;
  }
  const series = emaSeries(ctx.candles, 21);
  const ema21 = finiteOrNull(series[series.length - 1]);
  const earlier = finiteOrNull(series[series.length - 1 - s.slopeBars]);
  if (ema21 === null || earlier === null || ema21 <= 0) {
    return null;
  }
  const r = SATYLAND_REASONS;
  const slope = ema21 - earlier;
  const slopePct = (slope / ema21) * 100;
  const atr14 = finiteOrNull(ctx.indicators?.atr14);
  const distanceAtr = atr14 !== null && atr14 > 0 ? Math.abs(price - ema21) / atr14 : null;
  const metadata = { price, ema21, ema21Earlier: earlier, slopeBars: s.slopeBars, slope, slopePct, atr14, distanceAtr };

  if (price === ema21) {
    return agentVote(SATYLAND_AGENT, {
      bias: 'neutral',
      confidence: s.atEma21Confidence,
      reasons: [r.priceAtEma21],
      metadata,
    });
  }

  const bias: AgentBias = price > ema21 ? 'bullish' : 'bearish';
  const reasons: string[] = [bias === 'bullish' ? r.priceAboveEma21 : r.priceBelowEma21];
  let confidence: number;
  if (Math.abs(slopePct) < s.flatSlopePct) {
    reasons.push(r.ema21Flat);
    confidence = s.flatBase;
  } else {
    const rising = slope > 0;
    reasons.push(rising ? r.ema21Rising : r.ema21Falling);
    if (rising === (bias === 'bullish')) {
      reasons.push(r.ema21Aligned);
      confidence = s.alignedBase + s.slopeBonus * Math.min(1, Math.abs(slopePct) / s.fullSlopePct);
      if (distanceAtr !== null && distanceAtr > s.extendedAtr) {
        reasons.push(r.extendedFromEma21);
        confidence += s.extendedPenalty;
      }
    } else {
      reasons.push(r.slopeDisagrees);
      confidence = s.disagreeBase;
    }
  }
  if (bias === biasOfDirection(ctx.direction)) {
    reasons.push(r.confirmsSignal);
    confidence += s.confirmsSignalBonus;
  } else {
    reasons.push(r.contradictsSignal);
  }
  return agentVote(SATYLAND_AGENT, { bias, confidence, reasons, metadata });
}
