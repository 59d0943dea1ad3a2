import { DEFAULT_MARKET_CLOSE_GRACE_MINUTES } from './core-deps';

/** Thresholds of the entry decision engine; defaults documented in docs/engine-a-rules.md. */
export interface EntryDecisionConfig {
  /** SIGNAL_MAX_AGE_MINUTES: a signal older than this (strictly) is stale. */
  signalMaxAgeMinutes: number;
  /** A signal time further in the future than this is rejected (clock skew allowance). */
  maxFutureSkewSeconds: number;
  /** Below this confidence: Tier 1 block. */
  confidenceHardFloor: number;
  /** Below this confidence (and at or above the hard floor): Tier 2 wait. */
  confidenceSoftFloor: number;
  /** Minutes after the regular open during which entries wait. */
  openingWaitMinutes: number;
  /** MARKET_CLOSE_GRACE_MINUTES: minutes before the regular close during which entries wait. */
  closeGraceMinutes: number;
  /** Chop score at or above which entries wait. */
  chopWaitThreshold: number;
  /** ALLOW_PREMARKET / ALLOW_AFTERHOURS: whether the extended sessions accept entries. */
  allowPremarket: boolean;
  allowAfterhours: boolean;
  /** Confidence at or above which the instruction's urgency is `immediate`. */
  immediateUrgencyConfidence: number;
}

export const DEFAULT_ENTRY_DECISION_CONFIG: Readonly<EntryDecisionConfig> = Object.freeze({
  signalMaxAgeMinutes: 30,
  maxFutureSkewSeconds: 60,
  confidenceHardFloor: 20,
  confidenceSoftFloor: 40,
  openingWaitMinutes: 5,
  closeGraceMinutes: DEFAULT_MARKET_CLOSE_GRACE_MINUTES,
  chopWaitThreshold: 80,
  allowPremarket: false,
  allowAfterhours: false,
  immediateUrgencyConfidence: 70,
});
