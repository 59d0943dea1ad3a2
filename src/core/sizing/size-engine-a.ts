import type { DealerPosition } from '../gex';

/** Gamma sizing multipliers (spec section 5 "Position Sizing"): dealers long gamma dampen moves, short amplify. */
export const GAMMA_SIZE_MULTIPLIERS: Readonly<Record<DealerPosition, number>> = {
  long_gamma: 1.25,
  short_gamma: 0.6,
  neutral: 1,
};

/** Confluence sizing: factor = clamp(score / PIVOT, MIN, MAX). 70 is a "good" confluence (gate default is 50). */
export const CONFLUENCE_SIZING = { pivot: 70, minFactor: 0.5, maxFactor: 1.25 } as const;

/** Contracts are 100 shares: a contract costs price × 100. */
export const CONTRACT_MULTIPLIER = 100;

export interface ConfluenceSizing {
  /** ENABLE_CONFLUENCE_SIZING. */
  enabled: boolean;
  /** The enrichment's confluence score (0..100), null when it could not be computed. */
  score: number | null;
  /** BASE_POSITION_SIZE (default 1): the minimum quantity once confluence sizing is on. */
  basePositionSize: number;
}

export interface SizingCaps {
  /** MAX_POSITION_SIZE (or the risk_limits row): the hard cap on contracts per trade. */
  maxPositionSize: number;
  /** Dollars of exposure still allowed (max total exposure minus open exposure); null/undefined: not capped. */
  remainingExposureDollars?: number | null;
  /** Option price per share; one contract costs price × 100. Needed for the exposure cap. */
  contractPrice?: number | null;
  /** The engine's share of capital from the execution policy (SPLIT_CAPITAL); scales the exposure cap. Default 1. */
  capitalShare?: number;
}

export interface EngineASizingInput {
  /** The base: config.maxPositionSize (MAX_POSITION_SIZE, default 10), as the spec's trace. */
  maxPositionSize: number;
  dealerPosition: DealerPosition | null;
  /** The MTF bias risk multiplier (0 = blocked); null when no bias state is available (treated as 1). */
  biasRiskMultiplier: number | null;
  confluence?: ConfluenceSizing;
  caps: SizingCaps;
}

export type SizingStepName =
  'base' | 'gamma' | 'bias' | 'confluence' | 'minimum' | 'cap_max_position_size' | 'cap_exposure';

export interface SizingStep {
  step: SizingStepName;
  /** The quantity after this step. */
  value: number;
  detail: string;
}

export interface EngineASizing {
  /** Contracts to order; 0 means the trade is blocked by sizing (see reasons). */
  quantity: number;
  steps: SizingStep[];
  /** Machine-readable codes for every block, reduction or assumption. */
  reasons: string[];
}

/** floor, tolerant of binary noise: 12 × 0.8 = 9.600000000000001 floors to 9, 3 × 0.1 × 10 to 3. */
function floorQty(value: number): number {
  return Math.floor(value + 1e-9);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function assertNonNegative(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name} must be a finite number >= 0, got ${value}`);
  }
}

/**
 * Engine A position sizing (spec section 5 "Position Sizing" and section 17 step 6), step by step:
 *
 * 1. base = MAX_POSITION_SIZE (the spec's `config.maxPositionSize`, default 10).
 * 2. gamma: floor(base × multiplier); long gamma 1.25, short gamma 0.6, neutral or unknown 1.
 * 3. bias: floor(q × bias risk multiplier); a multiplier of 0 blocks (quantity 0, `bias_blocked`); null counts as 1.
 * 4. confluence (ENABLE_CONFLUENCE_SIZING only): floor(q × clamp(score / 70, 0.5, 1.25)), so a score of 70 keeps the
 *    size, 35 or less halves it, 87.5 or more adds a quarter. A missing score leaves the size unchanged.
 * 5. minimum: at least 1 contract; with confluence sizing on, at least BASE_POSITION_SIZE. BASE_POSITION_SIZE is the
 *    floor (not the base, since the spec's trace bases on MAX_POSITION_SIZE): low confluence can shrink a trade down to
 *    it, never below.
 * 6. cap: at most caps.maxPositionSize (long gamma × 1.25 can exceed the base; the cap wins).
 * 7. exposure: at most floor(remainingExposureDollars × capitalShare / (contractPrice × 100)). Caps are hard limits:
 *    they may bring the quantity to 0 (`exposure_cap_exhausted`), overriding the minimum.
 *
 * The trace: max 10, long gamma, bias 0.8 → floor(floor(10 × 1.25) × 0.8) = floor(12 × 0.8) = 9.
 */
export function sizeEngineA(input: EngineASizingInput): EngineASizing {
  assertNonNegative('maxPositionSize', input.maxPositionSize);
  assertNonNegative('caps.maxPositionSize', input.caps.maxPositionSize);
  const steps: SizingStep[] = [];
  const reasons: string[] = [];
  const push = (step: SizingStepName, value: number, detail: string): number => {
    steps.push({ step, value, detail });
    return value;
  };

  let qty = push('base', floorQty(input.maxPositionSize), `base = MAX_POSITION_SIZE ${input.maxPositionSize}`);

  const gammaMultiplier = input.dealerPosition === null ? 1 : GAMMA_SIZE_MULTIPLIERS[input.dealerPosition];
  if (input.dealerPosition === null) {
    reasons.push('gamma_regime_unknown');
  } else if (gammaMultiplier < 1) {
    reasons.push('gamma_short_reduced');
  }
  const afterGamma = floorQty(qty * gammaMultiplier);
  qty = push('gamma', afterGamma, `floor(${qty} × ${gammaMultiplier}) (${input.dealerPosition ?? 'unknown'})`);

  const bias = input.biasRiskMultiplier;
  if (bias === null) {
    reasons.push('bias_multiplier_missing');
    push('bias', qty, 'no bias risk multiplier: × 1');
  } else {
    assertNonNegative('biasRiskMultiplier', bias);
    if (bias === 0) {
      reasons.push('bias_blocked');
      push('bias', 0, 'bias risk multiplier 0: blocked');
      return { quantity: 0, steps, reasons };
    }
    if (bias < 1) {
      reasons.push('bias_reduced');
    }
    const afterBias = floorQty(qty * bias);
    qty = push('bias', afterBias, `floor(${qty} × ${bias})`);
  }

  let minimum = 1;
  const confluence = input.confluence;
  if (confluence?.enabled) {
    assertNonNegative('confluence.basePositionSize', confluence.basePositionSize);
    minimum = Math.max(1, floorQty(confluence.basePositionSize));
    if (confluence.score === null) {
      reasons.push('confluence_score_missing');
      push('confluence', qty, 'confluence sizing on but no score: × 1');
    } else {
      const { pivot, minFactor, maxFactor } = CONFLUENCE_SIZING;
      const factor = clamp(confluence.score / pivot, minFactor, maxFactor);
      if (factor < 1) {
        reasons.push('confluence_reduced');
      }
      const afterConfluence = floorQty(qty * factor);
      const detail = `floor(${qty} × clamp(${confluence.score} / ${pivot}, ${minFactor}, ${maxFactor}) = ${factor.toFixed(4)})`;
      qty = push('confluence', afterConfluence, detail);
    }
  }

  if (qty < minimum) {
    reasons.push(minimum > 1 ? 'raised_to_base_position_size' : 'raised_to_minimum');
  }
  qty = push('minimum', Math.max(qty, minimum), `at least ${minimum}${minimum > 1 ? ' (BASE_POSITION_SIZE)' : ''}`);

  const cap = floorQty(input.caps.maxPositionSize);
  if (qty > cap) {
    reasons.push('capped_max_position_size');
  }
  qty = push('cap_max_position_size', Math.min(qty, cap), `at most MAX_POSITION_SIZE ${cap}`);

  qty = applyExposureCap(qty, input.caps, steps, reasons);
  return { quantity: qty, steps, reasons };
}

function applyExposureCap(qty: number, caps: SizingCaps, steps: SizingStep[], reasons: string[]): number {
  const remaining = caps.remainingExposureDollars;
  if (remaining === null || remaining === undefined) {
    return qty;
  }
  const price = caps.contractPrice;
  if (price === null || price === undefined || !(price > 0)) {
    reasons.push('exposure_cap_unpriced');
    steps.push({ step: 'cap_exposure', value: qty, detail: 'no contract price: exposure cap not applied' });
    return qty;
  }
  const share = caps.capitalShare ?? 1;
  assertNonNegative('caps.capitalShare', share);
  const budget = Math.max(0, remaining) * share;
  const contractCost = price * CONTRACT_MULTIPLIER;
  const affordable = floorQty(budget / contractCost);
  const capped = Math.min(qty, affordable);
  if (affordable === 0) {
    reasons.push('exposure_cap_exhausted');
  } else if (capped < qty) {
    reasons.push('capped_exposure');
  }
  const shareText = share === 1 ? '' : ` × share ${share}`;
  steps.push({
    step: 'cap_exposure',
    value: capped,
    detail: `at most floor(${remaining}${shareText} / (${price} × ${CONTRACT_MULTIPLIER})) = ${affordable}`,
  });
  return capped;
}
