import type { DealerPosition } from '../gex';

export type DealerDirection = 'long' | 'short';

export interface DealerInput {
  /** Null when no GEX could be computed. */
  gex: { netGex: number; dealerPosition: DealerPosition; zeroGammaLevel: number | null } | null;
  /** Null when no options flow was available. */
  flow: { bullishPremium: number; bearishPremium: number; entries: number } | null;
  price: number | null;
}

export interface DealerConfig {
  /** DEALER_STRATEGY_WEIGHT: below this confidence (0..1) the dealer strategy takes no side. */
  minConfidence: number;
  /** Fewer flow prints than this and the flow is not read. */
  minFlowEntries: number;
}

export const DEFAULT_DEALER_CONFIG: Readonly<DealerConfig> = Object.freeze({ minConfidence: 0.25, minFlowEntries: 5 });

export interface DealerDecision {
  /** The side the dealer positioning favours; null when it favours none. */
  direction: DealerDirection | null;
  /** 0..1, two decimals. */
  confidence: number;
  dealerPosition: DealerPosition | null;
  reasons: string[];
}

const round2 = (value: number): number => Math.round(value * 100) / 100;

/**
 * The GEX/flow dealer strategy (ENABLE_DEALER_GEX; the spec's `dealerDecision`, stored as `signals.meta_gamma`).
 * The side comes from the options flow (bullish minus bearish premium); its confidence is the flow's imbalance
 * (|net| / total), scaled by the gamma regime (short gamma amplifies flow-driven moves: x1; long gamma dampens them:
 * x0.8; neutral x0.9) and raised by 0.1 when price sits on the same side of the zero-gamma level. Without readable
 * flow there is no side. Pure.
 */
export function dealerDecision(input: DealerInput, config: DealerConfig = DEFAULT_DEALER_CONFIG): DealerDecision {
  const reasons: string[] = [];
  const dealerPosition = input.gex?.dealerPosition ?? null;
  const flow = input.flow;
  const total = flow ? flow.bullishPremium + flow.bearishPremium : 0;
  if (!flow || flow.entries < config.minFlowEntries || !(total > 0)) {
    return { direction: null, confidence: 0, dealerPosition, reasons: ['insufficient_flow'] };
  }
  const net = flow.bullishPremium - flow.bearishPremium;
  if (net === 0) {
    return { direction: null, confidence: 0, dealerPosition, reasons: ['balanced_flow'] };
  }
  const direction: DealerDirection = net > 0 ? 'long' : 'short';
  reasons.push(net > 0 ? 'bullish_flow' : 'bearish_flow');
  let confidence = Math.abs(net) / total;
  const regimeScale = dealerPosition === 'short_gamma' ? 1 : dealerPosition === 'long_gamma' ? 0.8 : 0.9;
  if (dealerPosition) {
    reasons.push(`dealer_${dealerPosition}`);
  }
  confidence *= regimeScale;
  const zero = input.gex?.zeroGammaLevel ?? null;
  if (zero !== null && input.price !== null) {
    const above = input.price > zero;
    if ((above && direction === 'long') || (!above && direction === 'short')) {
      confidence += 0.1;
      reasons.push(above ? 'price_above_zero_gamma' : 'price_below_zero_gamma');
    }
  }
  confidence = round2(Math.min(1, confidence));
  if (confidence < config.minConfidence) {
    return { direction: null, confidence, dealerPosition, reasons: [...reasons, 'below_dealer_threshold'] };
  }
  return { direction, confidence, dealerPosition, reasons };
}
