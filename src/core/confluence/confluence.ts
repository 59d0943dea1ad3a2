import type { FlowSummary } from '../flow/flow.types';
import type { GexResult } from '../gex/gex.types';

export type SignalDirection = 'long' | 'short';

/** The flow figures the score reads; a full FlowSummary fits. */
export type ConfluenceFlow = Pick<FlowSummary, 'bullishPremium' | 'bearishPremium' | 'entries'>;

/** The GEX figures the score reads; a full GexResult fits, and so does the cached { netGex, dealerPosition, ... }. */
export type ConfluenceGex = Pick<GexResult, 'dealerPosition'> &
  Partial<Pick<GexResult, 'spot' | 'netGex' | 'zeroGammaLevel' | 'callWall' | 'putWall'>>;

export interface ConfluenceConfig {
  /** CONFLUENCE_MIN_THRESHOLD. */
  threshold: number;
  /** k in tanh(k x net / total): 2 makes a 22% net imbalance worth ~0.41 of the flow range. */
  flowSaturation: number;
  /** Fewer prints than this scale the flow strength down linearly (the spec's flowEntriesCount). */
  minFlowEntries: number;
  /** Distance from the zero-gamma level, as a fraction of spot, that gives tanh(1) of the flip term. */
  zeroGammaScale: number;
  /** Room to the wall ahead, as a fraction of spot, that gives tanh(1) of the wall term. */
  wallScale: number;
}

export const CONFLUENCE_DEFAULTS: ConfluenceConfig = {
  threshold: 50,
  flowSaturation: 2,
  minFlowEntries: 10,
  zeroGammaScale: 0.01,
  wallScale: 0.01,
};

export interface ConfluenceInput {
  direction: SignalDirection;
  flow: ConfluenceFlow | null;
  gex: ConfluenceGex | null;
  /** Current underlying price; the GEX snapshot's spot when absent. */
  spot?: number;
  config?: Partial<ConfluenceConfig>;
}

export interface ConfluenceComponents {
  /** 0-40: net premium in the signal's direction. */
  flow: number;
  /** 0-30: dealer gamma regime, side of the zero-gamma level, room to the wall ahead. */
  gamma: number;
  /** 0-30: flow and gamma agreeing with the signal (and each other). */
  alignment: number;
}

export interface ConfluenceResult {
  /** 0-100, integer. */
  score: number;
  components: ConfluenceComponents;
  /** Signed strengths in [-1, 1]: + supports the direction. */
  flowStrength: number;
  gammaStrength: number;
  threshold: number;
  tradeGatePasses: boolean;
  reasons: string[];
}

const FLOW_MAX = 40;
const GAMMA_MAX = 30;
const ALIGNMENT_MAX = 30;
const FLIP_WEIGHT = 0.5;
const REGIME_WEIGHT = 0.3;
const WALL_WEIGHT = 0.2;

/**
 * Confluence of a signal with options positioning (spec: f(netflow, gammaRegime, signalDirection, flowEntriesCount)).
 * Each component is half its range when its data is missing or flat. Formula and calibration: docs/positioning.md.
 */
export function scoreConfluence(input: ConfluenceInput): ConfluenceResult {
  const config = { ...CONFLUENCE_DEFAULTS, ...input.config };
  const dir = input.direction === 'long' ? 1 : -1;
  const reasons: string[] = [];

  const f = flowStrength(input.flow, dir, config, reasons);
  const g = gammaStrength(input.gex, input.spot, dir, input.direction, config, reasons);
  const c = agreement(f, g, input.flow !== null && input.gex !== null, reasons);

  const components: ConfluenceComponents = {
    flow: round2(half(FLOW_MAX) * (1 + f)),
    gamma: round2(half(GAMMA_MAX) * (1 + g)),
    alignment: round2(half(ALIGNMENT_MAX) * (1 + c)),
  };
  const raw = half(FLOW_MAX) * (1 + f) + half(GAMMA_MAX) * (1 + g) + half(ALIGNMENT_MAX) * (1 + c);
  const score = Math.min(100, Math.max(0, Math.round(raw)));
  return {
    score,
    components,
    flowStrength: f,
    gammaStrength: g,
    threshold: config.threshold,
    tradeGatePasses: score >= config.threshold,
    reasons,
  };
}

/** The confluence gate: passes at or above the threshold. */
export function passesConfluenceGate(result: Pick<ConfluenceResult, 'score'>, threshold: number): boolean {
  return result.score >= threshold;
}

/** f = tanh(k x dir x net / total) x min(1, entries / minEntries); 0 without usable flow. */
function flowStrength(flow: ConfluenceFlow | null, dir: number, config: ConfluenceConfig, reasons: string[]): number {
  if (flow === null) {
    reasons.push('flow_unavailable');
    return 0;
  }
  const total = flow.bullishPremium + flow.bearishPremium;
  if (flow.entries === 0 || !(total > 0)) {
    reasons.push('flow_empty');
    return 0;
  }
  const net = flow.bullishPremium - flow.bearishPremium;
  const sampleWeight = Math.min(1, flow.entries / config.minFlowEntries);
  if (sampleWeight < 1) {
    reasons.push('flow_thin');
  }
  const f = Math.tanh((config.flowSaturation * dir * net) / total) * sampleWeight;
  reasons.push(net > 0 ? 'net_flow_bullish' : net < 0 ? 'net_flow_bearish' : 'net_flow_flat');
  if (f !== 0) {
    reasons.push(f > 0 ? 'flow_supports_direction' : 'flow_against_direction');
  }
  return f;
}

/** g = 0.5 x flip + 0.3 x regime + 0.2 x wall room; each term in [-1, 1], 0 when unknown. */
function gammaStrength(
  gex: ConfluenceGex | null,
  spotOverride: number | undefined,
  dir: number,
  direction: SignalDirection,
  config: ConfluenceConfig,
  reasons: string[],
): number {
  if (gex === null) {
    reasons.push('gex_unavailable');
    return 0;
  }
  const spot = spotOverride ?? gex.spot;
  const regime = regimeVote(gex, dir, reasons);
  let flip = 0;
  let wall = 0;
  if (spot === undefined || !(spot > 0)) {
    reasons.push('spot_unknown');
  } else {
    flip = flipVote(gex.zeroGammaLevel ?? null, spot, dir, config, reasons);
    wall = wallVote(direction === 'long' ? (gex.callWall ?? null) : (gex.putWall ?? null), spot, dir, config, reasons);
  }
  const g = FLIP_WEIGHT * flip + REGIME_WEIGHT * regime + WALL_WEIGHT * wall;
  if (g !== 0) {
    reasons.push(g > 0 ? 'gamma_supports_direction' : 'gamma_against_direction');
  }
  return g;
}

/**
 * Long gamma (dealers buy dips, sell rips) supports longs mildly: +0.5 long, -0.5 short. Short gamma amplifies moves
 * and mostly sell-offs: +1 short, -1 long. Neutral: 0.
 */
function regimeVote(gex: ConfluenceGex, dir: number, reasons: string[]): number {
  switch (gex.dealerPosition) {
    case 'long_gamma':
      reasons.push('dealer_long_gamma');
      return 0.5 * dir;
    case 'short_gamma':
      reasons.push('dealer_short_gamma');
      return -dir;
    case 'neutral':
      reasons.push('dealer_neutral_gamma');
      return 0;
  }
}

/** tanh(dir x (spot - zeroGamma) / (spot x scale)): above the flip favours longs, below favours shorts. */
function flipVote(
  zeroGamma: number | null,
  spot: number,
  dir: number,
  config: ConfluenceConfig,
  reasons: string[],
): number {
  if (zeroGamma === null) {
    reasons.push('zero_gamma_unknown');
    return 0;
  }
  reasons.push(
    spot > zeroGamma ? 'spot_above_zero_gamma' : spot < zeroGamma ? 'spot_below_zero_gamma' : 'spot_at_zero_gamma',
  );
  return Math.tanh((dir * (spot - zeroGamma)) / (spot * config.zeroGammaScale));
}

/**
 * Room to the wall ahead (call wall for longs, put wall for shorts): 2 tanh(room / scale) - 1, so a wall at spot is
 * -1, one 0.55% away 0, a far one near +1. A wall already behind price, or none, is 0.
 */
function wallVote(wall: number | null, spot: number, dir: number, config: ConfluenceConfig, reasons: string[]): number {
  if (wall === null) {
    return 0;
  }
  const room = (dir * (wall - spot)) / spot;
  if (room < 0) {
    reasons.push('wall_behind_price');
    return 0;
  }
  const vote = 2 * Math.tanh(room / config.wallScale) - 1;
  reasons.push(vote < 0 ? 'wall_close_ahead' : 'room_to_wall');
  return vote;
}

/** The weaker of two agreeing strengths (signed); 0 when they conflict or either is missing. */
function agreement(f: number, g: number, bothPresent: boolean, reasons: string[]): number {
  if (!bothPresent) {
    reasons.push('alignment_partial_data');
    return 0;
  }
  if (f > 0 && g > 0) {
    reasons.push('flow_and_gamma_agree');
    return Math.min(f, g);
  }
  if (f < 0 && g < 0) {
    reasons.push('flow_and_gamma_oppose');
    return Math.max(f, g);
  }
  reasons.push('flow_and_gamma_mixed');
  return 0;
}

function half(max: number): number {
  return max / 2;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
