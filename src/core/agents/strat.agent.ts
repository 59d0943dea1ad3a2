import type { Candle } from '../market/market.types';
import type { AgentContext } from './agent-context';
import { FULL_CONFIDENCE_BOUNDS, type AgentBias, type AgentDescriptor, type AgentOutput } from './agent.types';
import { agentVote } from './agent-vote';

/**
 * StratSpecialist (spec section 6, specialist, ENABLE_STRAT_SPECIALIST): Rob Smith's The Strat. Each candle is
 * classified against the one before it; the last two or three classifications form the pattern, the last candle
 * being the trigger. Rules and reason codes: docs/agents-rules.md.
 */
export const STRAT_AGENT: AgentDescriptor = Object.freeze({
  name: 'strat',
  type: 'specialist',
  featureFlag: 'ENABLE_STRAT_SPECIALIST',
  confidenceBounds: FULL_CONFIDENCE_BOUNDS,
});

/** The Strat bar types: 1 inside, 2U / 2D directional (one side broken), 3 outside (both sides broken). */
export type StratBar = '1' | '2U' | '2D' | '3';

/** Reason codes, stored and shown; never rename. */
export const STRAT_REASONS = {
  bullish212Continuation: 'strat_212_bullish_continuation',
  bearish212Continuation: 'strat_212_bearish_continuation',
  bullish212Reversal: 'strat_212_bullish_reversal',
  bearish212Reversal: 'strat_212_bearish_reversal',
  bullish312: 'strat_312_bullish',
  bearish312: 'strat_312_bearish',
  bullish122RevStrat: 'strat_122_bullish_rev_strat',
  bearish122RevStrat: 'strat_122_bearish_rev_strat',
  bullish22Reversal: 'strat_22_bullish_reversal',
  bearish22Reversal: 'strat_22_bearish_reversal',
  insideBarPending: 'inside_bar_pending',
  outsideBar: 'outside_bar',
  noPattern: 'no_strat_pattern',
  triggerCloseStrong: 'trigger_close_strong',
  triggerCloseWeak: 'trigger_close_weak',
} as const;

export const STRAT_AGENT_SETTINGS = Object.freeze({
  confidence312: 70,
  confidence212Continuation: 70,
  confidence212Reversal: 65,
  confidence122RevStrat: 65,
  confidence22Reversal: 55,
  neutralConfidence: 30,
  /** The trigger candle closes in the half of its range on the pattern's side (or not). */
  strongCloseBonus: 5,
  weakClosePenalty: -10,
});

/**
 * 1 when the candle stays within the previous one's range (equal highs or lows do not break it); 3 when it takes
 * out both the previous high and low; 2U when only the high; 2D when only the low.
 */
export function classifyStratBar(prev: Candle, cur: Candle): StratBar {
  const brokeHigh = cur.high > prev.high;
  const brokeLow = cur.low < prev.low;
  if (brokeHigh && brokeLow) {
    return '3';
  }
  if (brokeHigh) {
    return '2U';
  }
  if (brokeLow) {
    return '2D';
  }
  return '1';
}

interface StratPattern {
  bias: AgentBias;
  reason: string;
  confidence: number;
}

/** Null (not applicable) with fewer than 3 candles; 3-bar patterns need 4 candles (3 classified bars). */
export function runStratAgent(ctx: AgentContext, _now: Date): AgentOutput | null {
  const candles = ctx.candles.slice(-4);
  if (candles.length < 3) {
    return null;
  }
  const bars: StratBar[] = [];
  for (let i = 1; i < candles.length; i++) {
    bars.push(classifyStratBar(candles[i - 1], candles[i]));
  }
  const trigger = candles[candles.length - 1];
  const metadata = { bars, triggerHigh: trigger.high, triggerLow: trigger.low, triggerClose: trigger.close };

  const pattern = matchPattern(bars);
  if (pattern === null) {
    const last = bars[bars.length - 1];
    const reason =
      last === '1' ? STRAT_REASONS.insideBarPending : last === '3' ? STRAT_REASONS.outsideBar : STRAT_REASONS.noPattern;
    return agentVote(STRAT_AGENT, {
      bias: 'neutral',
      confidence: STRAT_AGENT_SETTINGS.neutralConfidence,
      reasons: [reason],
      metadata,
    });
  }

  const reasons = [pattern.reason];
  let confidence = pattern.confidence;
  const span = trigger.high - trigger.low;
  const closeLocation = span > 0 ? (trigger.close - trigger.low) / span : null;
  if (closeLocation !== null) {
    const strong = pattern.bias === 'bullish' ? closeLocation >= 0.5 : closeLocation <= 0.5;
    reasons.push(strong ? STRAT_REASONS.triggerCloseStrong : STRAT_REASONS.triggerCloseWeak);
    confidence += strong ? STRAT_AGENT_SETTINGS.strongCloseBonus : STRAT_AGENT_SETTINGS.weakClosePenalty;
  }
  return agentVote(STRAT_AGENT, { bias: pattern.bias, confidence, reasons, metadata: { ...metadata, closeLocation } });
}

/** The pattern ending at the last bar, the most specific first (3-bar patterns before 2-2). */
function matchPattern(bars: readonly StratBar[]): StratPattern | null {
  const s = STRAT_AGENT_SETTINGS;
  const r = STRAT_REASONS;
  const last = bars[bars.length - 1];
  if (last !== '2U' && last !== '2D') {
    return null;
  }
  const up = last === '2U';
  const bias: AgentBias = up ? 'bullish' : 'bearish';
  const middle = bars[bars.length - 2];
  const first = bars.length >= 3 ? bars[bars.length - 3] : null;

  if (middle === '1' && first === '3') {
    return { bias, reason: up ? r.bullish312 : r.bearish312, confidence: s.confidence312 };
  }
  if (middle === '1' && (first === '2U' || first === '2D')) {
    if (first === last) {
      return {
        bias,
        reason: up ? r.bullish212Continuation : r.bearish212Continuation,
        confidence: s.confidence212Continuation,
      };
    }
    return { bias, reason: up ? r.bullish212Reversal : r.bearish212Reversal, confidence: s.confidence212Reversal };
  }
  const reversal = (middle === '2U' || middle === '2D') && middle !== last;
  if (reversal && first === '1') {
    return { bias, reason: up ? r.bullish122RevStrat : r.bearish122RevStrat, confidence: s.confidence122RevStrat };
  }
  if (reversal) {
    return { bias, reason: up ? r.bullish22Reversal : r.bearish22Reversal, confidence: s.confidence22Reversal };
  }
  return null;
}
