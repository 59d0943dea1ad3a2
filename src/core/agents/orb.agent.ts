import type { AgentContext } from './agent-context';
import { FULL_CONFIDENCE_BOUNDS, type AgentBias, type AgentDescriptor, type AgentOutput } from './agent.types';
import { agentVote, usablePrice } from './agent-vote';

/**
 * ORBSpecialist (spec section 6, specialist, ENABLE_ORB_SPECIALIST): opening range breakout. Reads the opening range
 * computed by the indicators (regular-session open, 15 or 30 minutes). Rules and reason codes: docs/agents-rules.md.
 */
export const ORB_AGENT: AgentDescriptor = Object.freeze({
  name: 'orb',
  type: 'specialist',
  featureFlag: 'ENABLE_ORB_SPECIALIST',
  confidenceBounds: FULL_CONFIDENCE_BOUNDS,
});

/** Reason codes, stored and shown; never rename. */
export const ORB_REASONS = {
  breakoutAbove: 'orb_breakout_above',
  breakdownBelow: 'orb_breakdown_below',
  insideRange: 'inside_opening_range',
  volumeConfirmed: 'breakout_volume_confirmed',
  volumeWeak: 'breakout_volume_weak',
  volumeUnknown: 'breakout_volume_unknown',
} as const;

export const ORB_AGENT_SETTINGS = Object.freeze({
  breakoutBase: 50,
  /** Added in full once the price is `fullDistanceRatio` range widths beyond the range, pro rata before. */
  distanceSpan: 30,
  fullDistanceRatio: 0.5,
  /** Breakout candle volume / average volume of up to `volumeLookback` earlier candles. */
  volumeLookback: 20,
  strongVolumeRatio: 1.5,
  weakVolumeRatio: 0.8,
  strongVolumeBonus: 15,
  weakVolumePenalty: -10,
  insideConfidence: 30,
});

/**
 * Null (not applicable) without a usable price, without an opening range, while the range is still forming
 * (`complete` false) or when its width is not positive.
 */
export function runOrbAgent(ctx: AgentContext, _now: Date): AgentOutput | null {
  const price = usablePrice(ctx.price);
  const range = ctx.indicators?.openingRange ?? null;
  if (price === null || range === null || !range.complete) {
    return null;
  }
  const width = range.high - range.low;
  if (!Number.isFinite(width) || width <= 0) {
    return null;
  }
  const s = ORB_AGENT_SETTINGS;
  const volumeRatio = breakoutVolumeRatio(ctx);
  const metadata = { price, rangeHigh: range.high, rangeLow: range.low, rangeWidth: width, volumeRatio };

  let bias: AgentBias;
  let distance: number;
  if (price > range.high) {
    bias = 'bullish';
    distance = price - range.high;
  } else if (price < range.low) {
    bias = 'bearish';
    distance = range.low - price;
  } else {
    return agentVote(ORB_AGENT, {
      bias: 'neutral',
      confidence: s.insideConfidence,
      reasons: [ORB_REASONS.insideRange],
      metadata: { ...metadata, distanceRatio: 0 },
    });
  }

  const distanceRatio = distance / width;
  const reasons: string[] = [bias === 'bullish' ? ORB_REASONS.breakoutAbove : ORB_REASONS.breakdownBelow];
  let confidence = s.breakoutBase + s.distanceSpan * Math.min(1, distanceRatio / s.fullDistanceRatio);
  if (volumeRatio === null) {
    reasons.push(ORB_REASONS.volumeUnknown);
  } else if (volumeRatio >= s.strongVolumeRatio) {
    reasons.push(ORB_REASONS.volumeConfirmed);
    confidence += s.strongVolumeBonus;
  } else if (volumeRatio < s.weakVolumeRatio) {
    reasons.push(ORB_REASONS.volumeWeak);
    confidence += s.weakVolumePenalty;
  }

  return agentVote(ORB_AGENT, { bias, confidence, reasons, metadata: { ...metadata, distanceRatio } });
}

/** The last candle's volume over the average of up to `volumeLookback` candles before it; null when unknown. */
function breakoutVolumeRatio(ctx: AgentContext): number | null {
  const candles = ctx.candles;
  if (candles.length < 2) {
    return null;
  }
  const last = candles[candles.length - 1];
  const earlier = candles.slice(Math.max(0, candles.length - 1 - ORB_AGENT_SETTINGS.volumeLookback), -1);
  const average = earlier.reduce((sum, c) => sum + c.volume, 0) / earlier.length;
  if (!(average > 0) || !Number.isFinite(last.volume)) {
    return null;
  }
  return last.volume / average;
}
