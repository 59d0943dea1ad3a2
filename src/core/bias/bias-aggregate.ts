import type { BiasConfig } from './bias.config';
import type { BiasAcceleration, BiasDirection, BiasEvent, Regime, TimeframeBias, UnifiedBiasState } from './bias.types';
import { computeStaleness } from './staleness';
import { byTimeframeLength, timeframeWeight } from './timeframe-weights';

export interface TimeframeAggregate {
  biasScore: number;
  confidence: number;
  /** |Σ w·sign(bias)| / Σ w: 1 when every timeframe points the same way, 0 when they cancel or are all neutral. */
  agreement: number;
  /** 100 × (1 − |Σ w·score| / Σ w·|score|): 0 when the scores all point the same way; 50 when all are neutral. */
  derivedChop: number;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}

/**
 * The weighted consensus of the timeframe readings (weights: config.timeframeWeights, higher timeframes more):
 * biasScore = Σ w·score / Σ w; confidence = (Σ w·confidence / Σ w) × (0.5 + 0.5 × agreement).
 */
export function aggregateTimeframes(timeframes: readonly TimeframeBias[], config: BiasConfig): TimeframeAggregate {
  let totalWeight = 0;
  let weightedScore = 0;
  let weightedAbsScore = 0;
  let weightedConfidence = 0;
  let weightedSign = 0;
  for (const tf of timeframes) {
    const w = timeframeWeight(tf.timeframe, config.timeframeWeights);
    totalWeight += w;
    weightedScore += w * tf.score;
    weightedAbsScore += w * Math.abs(tf.score);
    weightedConfidence += w * tf.confidence;
    weightedSign += w * (tf.bias === 'bullish' ? 1 : tf.bias === 'bearish' ? -1 : 0);
  }
  if (totalWeight === 0) {
    return { biasScore: 0, confidence: 0, agreement: 0, derivedChop: 50 };
  }
  const agreement = Math.abs(weightedSign) / totalWeight;
  return {
    biasScore: round1(clamp(weightedScore / totalWeight, -100, 100)),
    confidence: round1(clamp((weightedConfidence / totalWeight) * (0.5 + 0.5 * agreement), 0, 100)),
    agreement: round1(agreement * 100) / 100,
    derivedChop: weightedAbsScore === 0 ? 50 : round1(100 * (1 - Math.abs(weightedScore) / weightedAbsScore)),
  };
}

export function directionOf(biasScore: number, config: BiasConfig): BiasDirection {
  if (biasScore >= config.directionThreshold) {
    return 'bullish';
  }
  if (biasScore <= -config.directionThreshold) {
    return 'bearish';
  }
  return 'neutral';
}

/** Without a regime in the payload: choppy is RANGING, a strong score is TRENDING, anything else RANGING. */
export function deriveRegime(biasScore: number, chopScore: number, config: BiasConfig): Regime {
  if (chopScore >= config.risk.chopHighThreshold) {
    return 'RANGING';
  }
  return Math.abs(biasScore) >= config.trendScoreThreshold ? 'TRENDING' : 'RANGING';
}

/** The event id was already applied to this state (within the last config.recentEventIds events). */
export function isDuplicateEvent(state: UnifiedBiasState | null, eventId: string): boolean {
  return state !== null && state.recentEventIds.includes(eventId);
}

/** The event is older than the state: applying it would move the state back in time. */
export function isOutOfOrderEvent(state: UnifiedBiasState | null, event: BiasEvent): boolean {
  return state !== null && new Date(event.eventTime).getTime() < new Date(state.updatedAt).getTime();
}

function accelerationOf(
  prev: UnifiedBiasState | null,
  next: { biasScore: number; confidence: number; direction: BiasDirection; regime: Regime; macroClass: string },
  eventTime: Date,
): BiasAcceleration {
  if (prev === null) {
    return {
      stateStrengthDelta: 0,
      biasScoreDelta: 0,
      confidenceDelta: 0,
      elapsedSeconds: 0,
      biasFlip: false,
      regimeChange: false,
      macroChange: false,
    };
  }
  const biasScoreDelta = round1(next.biasScore - prev.biasScore);
  // Positive = stronger in the direction the bias points now (a neutral score counts as pointing up).
  const sign = next.biasScore < 0 ? -1 : 1;
  return {
    stateStrengthDelta: Math.round((biasScoreDelta / 100) * sign * 1000) / 1000,
    biasScoreDelta,
    confidenceDelta: round1(next.confidence - prev.confidence),
    elapsedSeconds: Math.max(0, Math.round((eventTime.getTime() - new Date(prev.updatedAt).getTime()) / 1000)),
    biasFlip: prev.direction !== 'neutral' && next.direction !== 'neutral' && prev.direction !== next.direction,
    regimeChange: prev.regime !== next.regime,
    macroChange: prev.macroClass !== next.macroClass,
  };
}

/**
 * The aggregator's pure step: the event's timeframe readings replace those of the same timeframes; other readings
 * stay while younger than config.timeframeRetentionMinutes; the consensus, direction, chop, regime, macro, mode hint
 * and acceleration are recomputed. Duplicate and out-of-order checks are the caller's (isDuplicateEvent,
 * isOutOfOrderEvent): this function always applies.
 */
export function applyBiasEvent(prev: UnifiedBiasState | null, event: BiasEvent, config: BiasConfig): UnifiedBiasState {
  if (prev !== null && prev.symbol !== event.symbol) {
    throw new Error(`bias event for ${event.symbol} applied to the state of ${prev.symbol}`);
  }
  const eventTime = new Date(event.eventTime);
  const retentionMs = config.timeframeRetentionMinutes * 60_000;
  const incoming = new Set(event.timeframes.map((t) => t.timeframe));
  const kept = (prev?.timeframes ?? []).filter(
    (t) => !incoming.has(t.timeframe) && eventTime.getTime() - new Date(t.updatedAt).getTime() <= retentionMs,
  );
  const timeframes = [...kept, ...event.timeframes].sort(byTimeframeLength);
  const aggregate = aggregateTimeframes(timeframes, config);
  const direction = directionOf(aggregate.biasScore, config);
  const chopScore = event.chopScore ?? aggregate.derivedChop;
  const regime = event.regime ?? deriveRegime(aggregate.biasScore, chopScore, config);
  const macroClass = event.macroClass ?? prev?.macroClass ?? 'NEUTRAL';
  const macroDetail = event.macroClass !== null ? event.macroDetail : (prev?.macroDetail ?? null);
  const acceleration = accelerationOf(
    prev,
    { biasScore: aggregate.biasScore, confidence: aggregate.confidence, direction, regime, macroClass },
    eventTime,
  );
  return {
    schemaVersion: 1,
    symbol: event.symbol,
    timeframes,
    biasScore: aggregate.biasScore,
    direction,
    confidence: aggregate.confidence,
    regime,
    macroClass,
    macroDetail,
    modeHint: event.modeHint ?? 'NONE',
    chopScore,
    acceleration,
    reported: event.reported,
    updatedAt: event.eventTime,
    receivedAt: event.receivedAt,
    staleness: computeStaleness(event.eventTime, new Date(event.receivedAt), config),
    source: event.source,
    lastEventId: event.eventId,
    lastEventType: event.eventType,
    eventCount: (prev?.eventCount ?? 0) + 1,
    recentEventIds: [event.eventId, ...(prev?.recentEventIds ?? []).filter((id) => id !== event.eventId)].slice(
      0,
      config.recentEventIds,
    ),
  };
}
