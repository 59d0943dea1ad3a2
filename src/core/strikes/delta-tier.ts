import type { DeltaTier } from './strike.types';

/**
 * The row of the confidence table for `confidence`: the one with the highest `minConfidence` at or below it.
 * With the spec's table: 70 and above -> high, 50-69.99 -> medium, below 50 -> low.
 */
export function deltaTierFor(confidence: number, tiers: readonly DeltaTier[]): DeltaTier | null {
  let chosen: DeltaTier | null = null;
  for (const tier of tiers) {
    if (confidence >= tier.minConfidence && (chosen === null || tier.minConfidence > chosen.minConfidence)) {
      chosen = tier;
    }
  }
  return chosen;
}
