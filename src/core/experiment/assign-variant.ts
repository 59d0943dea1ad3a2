import { createHash } from 'node:crypto';

import type { Engine } from './experiment.types';

export interface VariantSubject {
  signalId: string;
  symbol: string;
  timeframe: string;
}

export interface VariantConfig {
  /** AB_SPLIT_PERCENTAGE: the percentage (0..100) of signals routed to Engine B. */
  abSplitPercentage: number;
  /** ENABLE_VARIANT_B: when false every signal is variant A, whatever the split. */
  enableVariantB: boolean;
}

export type VariantReason = 'variant_b_disabled' | 'split_zero' | 'bucket_below_split_to_a' | 'bucket_in_split_to_b';

export interface VariantAssignment {
  variant: Engine;
  /** Hex SHA-256 of `${symbol}:${timeframe}:${signalId}`. */
  assignmentHash: string;
  /** parseInt(first 8 hex digits, 16) / 0xFFFFFFFF, in [0, 1]. */
  bucket: number;
  /** The configured AB_SPLIT_PERCENTAGE (percent to Engine B). */
  splitPercentage: number;
  /** The fraction of buckets that go to A: bucket < splitToA → A. 1 when B is disabled. */
  splitToA: number;
  reason: VariantReason;
  detail: string;
}

export function assignmentHashOf(subject: VariantSubject): string {
  return createHash('sha256').update(`${subject.symbol}:${subject.timeframe}:${subject.signalId}`).digest('hex');
}

export function bucketOf(assignmentHash: string): number {
  return parseInt(assignmentHash.slice(0, 8), 16) / 0xffffffff;
}

/**
 * Deterministic A/B assignment (spec section 4 step 4): the same signal always gets the same variant.
 * variant = bucket < splitToA ? 'A' : 'B', with splitToA = (100 - AB_SPLIT_PERCENTAGE) / 100. A split of 0 sends
 * every signal to A explicitly (the bucket of a hash starting `ffffffff` is exactly 1, which `< 1` would send to B).
 */
export function assignVariant(subject: VariantSubject, config: VariantConfig): VariantAssignment {
  const split = config.abSplitPercentage;
  if (!Number.isFinite(split) || split < 0 || split > 100) {
    throw new RangeError(`AB_SPLIT_PERCENTAGE must be within [0, 100], got ${split}`);
  }
  const assignmentHash = assignmentHashOf(subject);
  const bucket = bucketOf(assignmentHash);
  const base = { assignmentHash, bucket, splitPercentage: split };
  if (!config.enableVariantB) {
    return {
      ...base,
      variant: 'A',
      splitToA: 1,
      reason: 'variant_b_disabled',
      detail: 'ENABLE_VARIANT_B is off: every signal goes to Engine A',
    };
  }
  const splitToA = (100 - split) / 100;
  if (split === 0) {
    return { ...base, variant: 'A', splitToA, reason: 'split_zero', detail: 'AB_SPLIT_PERCENTAGE is 0: all to A' };
  }
  const toA = bucket < splitToA;
  return {
    ...base,
    variant: toA ? 'A' : 'B',
    splitToA,
    reason: toA ? 'bucket_below_split_to_a' : 'bucket_in_split_to_b',
    detail: `bucket ${bucket.toFixed(6)} ${toA ? '<' : '>='} splitToA ${splitToA} (${split}% to B)`,
  };
}
