import { deltaBandDistance } from './contract-checks';
import type { ScoreWeights } from './strike.types';

export interface ScoreInput {
  absDelta: number;
  deltaMin: number;
  deltaMax: number;
  deltaTolerance: number;
  spreadPct: number;
  maxSpreadPct: number;
  openInterest: number | null;
  volume: number | null;
  dte: number;
  targetDte: number;
  /** Width of the DTE band in days (at least 1). */
  dteSpan: number;
  weights: ScoreWeights;
  liquidityReference: { openInterest: number; volume: number };
}

/** Inside the delta band a contract keeps at least this share of the delta weight; outside at most `OUTSIDE_MAX`. */
const INSIDE_FLOOR = 0.8;
const OUTSIDE_MAX = 0.6;

const clamp01 = (value: number): number => (value < 0 ? 0 : value > 1 ? 1 : value);

/** log(1 + x) / log(1 + reference), capped at 1; an unreported count earns 0. */
export function logScaled(value: number | null, reference: number): number {
  if (value === null || !(value > 0) || !(reference > 0)) {
    return 0;
  }
  return clamp01(Math.log1p(value) / Math.log1p(reference));
}

/**
 * The delta part, 0-1: inside the band 0.8-1.0 (1 at its centre), outside 0-0.6 falling linearly to 0 at
 * `deltaTolerance` beyond the band's edge. Inside always beats outside: that is the in-band bonus.
 */
export function deltaFit(absDelta: number, deltaMin: number, deltaMax: number, tolerance: number): number {
  const outside = deltaBandDistance(absDelta, deltaMin, deltaMax);
  if (outside === 0) {
    const half = (deltaMax - deltaMin) / 2;
    const fromCentre = Math.abs(absDelta - (deltaMin + deltaMax) / 2);
    return half === 0 ? 1 : 1 - (1 - INSIDE_FLOOR) * Math.min(1, fromCentre / half);
  }
  return tolerance > 0 ? OUTSIDE_MAX * clamp01(1 - outside / tolerance) : 0;
}

/**
 * Score of one contract that passed the filters, 0-100, higher is better: the weighted mean of delta fit,
 * spread tightness, liquidity (open interest and volume, log scaled) and closeness to the target DTE.
 */
export function scoreContract(input: ScoreInput): number {
  const { weights } = input;
  const total = weights.delta + weights.spread + weights.liquidity + weights.dte;
  if (total <= 0) {
    return 0;
  }
  const delta = deltaFit(input.absDelta, input.deltaMin, input.deltaMax, input.deltaTolerance);
  const spread = clamp01(1 - input.spreadPct / input.maxSpreadPct);
  const liquidity =
    0.5 * logScaled(input.openInterest, input.liquidityReference.openInterest) +
    0.5 * logScaled(input.volume, input.liquidityReference.volume);
  const dte = clamp01(1 - Math.abs(input.dte - input.targetDte) / Math.max(1, input.dteSpan));
  const sum = weights.delta * delta + weights.spread * spread + weights.liquidity * liquidity + weights.dte * dte;
  return (sum / total) * 100;
}
