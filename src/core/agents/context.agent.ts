import type { AgentContext } from './agent-context';
import { FULL_CONFIDENCE_BOUNDS, type AgentBias, type AgentDescriptor, type AgentOutput } from './agent.types';
import { agentVote, biasOfDirection, finiteOrNull, usablePrice } from './agent-vote';

/**
 * ContextAgent (spec section 6, core, always active): market regime from GEX, session context and volatility.
 * Rules and reason codes: docs/agents-rules.md.
 */
export const CONTEXT_AGENT: AgentDescriptor = Object.freeze({
  name: 'context',
  type: 'core',
  featureFlag: null,
  confidenceBounds: FULL_CONFIDENCE_BOUNDS,
});

/** Reason codes, stored and shown; never rename. */
export const CONTEXT_REASONS = {
  aboveZeroGamma: 'above_zero_gamma',
  belowZeroGamma: 'below_zero_gamma',
  atZeroGamma: 'at_zero_gamma',
  dealerLongGamma: 'dealer_long_gamma',
  dealerShortGamma: 'dealer_short_gamma',
  dealerNeutralGamma: 'dealer_neutral_gamma',
  gexUnavailable: 'gex_unavailable',
  rthSession: 'rth_session',
  withinCloseGrace: 'within_close_grace',
  extendedHours: 'extended_hours',
  sessionClosed: 'session_closed',
  highVolatility: 'high_volatility',
  elevatedVolatility: 'elevated_volatility',
  volatilityUnknown: 'volatility_unknown',
} as const;

export const CONTEXT_AGENT_SETTINGS = Object.freeze({
  /** Starting confidence of a directional (bullish/bearish) vote. */
  directionalBase: 50,
  /** Starting confidence of a neutral vote (no regime lean: a weak vote, so it dilutes little). */
  neutralBase: 30,
  zeroGammaLean: 10,
  dealerLongGamma: 10,
  dealerShortGamma: -10,
  rthSession: 5,
  withinCloseGrace: -10,
  extendedHours: -10,
  sessionClosed: -25,
  /** ATR(14) as % of price at or above which volatility is high / elevated. */
  highVolatilityPct: 1,
  elevatedVolatilityPct: 0.5,
  highVolatility: -15,
  elevatedVolatility: -5,
});

/**
 * Bias: the side of the zero-gamma level the price is on (above → bullish, below → bearish); without a zero-gamma
 * lean, dealers long gamma (a stable regime) back the alert's own direction; otherwise neutral.
 * Confidence: a base plus the regime, session and volatility adjustments, floored at 0 (at most 75). Null without a
 * usable price.
 */
export function runContextAgent(ctx: AgentContext, _now: Date): AgentOutput | null {
  const price = usablePrice(ctx.price);
  if (price === null) {
    return null;
  }
  const s = CONTEXT_AGENT_SETTINGS;
  const reasons: string[] = [];
  let adjustment = 0;

  // Regime (GEX).
  let lean: AgentBias = 'neutral';
  const zeroGammaLevel = finiteOrNull(ctx.gex?.zeroGammaLevel);
  if (ctx.gex === null) {
    reasons.push(CONTEXT_REASONS.gexUnavailable);
  } else {
    switch (ctx.gex.dealerPosition) {
      case 'long_gamma':
        reasons.push(CONTEXT_REASONS.dealerLongGamma);
        adjustment += s.dealerLongGamma;
        break;
      case 'short_gamma':
        reasons.push(CONTEXT_REASONS.dealerShortGamma);
        adjustment += s.dealerShortGamma;
        break;
      case 'neutral':
        reasons.push(CONTEXT_REASONS.dealerNeutralGamma);
        break;
    }
    if (zeroGammaLevel !== null) {
      if (price > zeroGammaLevel) {
        lean = 'bullish';
        reasons.push(CONTEXT_REASONS.aboveZeroGamma);
      } else if (price < zeroGammaLevel) {
        lean = 'bearish';
        reasons.push(CONTEXT_REASONS.belowZeroGamma);
      } else {
        reasons.push(CONTEXT_REASONS.atZeroGamma);
      }
    }
  }
  let bias: AgentBias = lean;
  if (lean !== 'neutral') {
    adjustment += s.zeroGammaLean;
  } else if (ctx.gex?.dealerPosition === 'long_gamma') {
    bias = biasOfDirection(ctx.direction);
  }

  // Session.
  const session = ctx.session;
  if (!session.isOpen) {
    reasons.push(CONTEXT_REASONS.sessionClosed);
    adjustment += s.sessionClosed;
  } else if (session.sessionType === 'RTH') {
    reasons.push(CONTEXT_REASONS.rthSession);
    adjustment += s.rthSession;
    if (session.withinGrace) {
      reasons.push(CONTEXT_REASONS.withinCloseGrace);
      adjustment += s.withinCloseGrace;
    }
  } else {
    reasons.push(CONTEXT_REASONS.extendedHours);
    adjustment += s.extendedHours;
  }

  // Volatility: ATR(14) as % of price.
  const atr14 = finiteOrNull(ctx.indicators?.atr14);
  const atrPct = atr14 === null ? null : (atr14 / price) * 100;
  if (atrPct === null) {
    reasons.push(CONTEXT_REASONS.volatilityUnknown);
  } else if (atrPct >= s.highVolatilityPct) {
    reasons.push(CONTEXT_REASONS.highVolatility);
    adjustment += s.highVolatility;
  } else if (atrPct >= s.elevatedVolatilityPct) {
    reasons.push(CONTEXT_REASONS.elevatedVolatility);
    adjustment += s.elevatedVolatility;
  }

  const base = bias === 'neutral' ? s.neutralBase : s.directionalBase;
  return agentVote(CONTEXT_AGENT, {
    bias,
    // The penalties can add up below 0 (e.g. neutral, dealers short gamma, session closed, high volatility).
    confidence: Math.max(0, base + adjustment),
    reasons,
    metadata: {
      price,
      netGex: ctx.gex?.netGex ?? null,
      dealerPosition: ctx.gex?.dealerPosition ?? null,
      zeroGammaLevel,
      sessionType: session.sessionType,
      sessionOpen: session.isOpen,
      withinGrace: session.withinGrace,
      atr14,
      atrPct,
    },
  });
}
