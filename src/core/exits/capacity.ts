import { hoursHeld, pnlPercent } from './exit-math';
import type { ExitPosition } from './exit.types';

/**
 * Capacity management helpers (spec: POSITION_REPLACEMENT, CLOSE_AGED_POSITIONS, AUTO_CLOSE_NEAR_TARGET). Pure; the
 * caller decides what to do with the answer.
 */

/** What choosing a position to replace reads of it. */
export type ReplacementCandidateInput = Pick<
  ExitPosition,
  'positionId' | 'quantity' | 'entryTimeMs' | 'entryPrice' | 'currentPrice' | 'direction'
>;

/**
 * POSITION_REPLACEMENT: the weakest position worth replacing: held at least `minHoldMinutes`, with a usable mark,
 * lowest pnl%. Ties go to the oldest entry, then the smallest positionId. Null when no position qualifies. One pass,
 * no sorting.
 */
export function pickReplacementCandidate<T extends ReplacementCandidateInput>(
  positions: readonly T[],
  nowMs: number,
  options: { minHoldMinutes: number },
): T | null {
  const minHeldMs = options.minHoldMinutes * 60_000;
  let best: T | null = null;
  let bestPnl = Number.POSITIVE_INFINITY;
  for (const position of positions) {
    if (!(position.quantity > 0) || !(nowMs - position.entryTimeMs >= minHeldMs)) {
      continue;
    }
    const pnl = pnlPercent(position.entryPrice, position.currentPrice, position.direction);
    if (pnl === null) {
      continue;
    }
    if (
      best === null ||
      pnl < bestPnl ||
      (pnl === bestPnl &&
        (position.entryTimeMs < best.entryTimeMs ||
          (position.entryTimeMs === best.entryTimeMs && position.positionId < best.positionId)))
    ) {
      best = position;
      bestPnl = pnl;
    }
  }
  return best;
}

/** AUTO_CLOSE_NEAR_TARGET: pnl% within `bandPct` below the target, or past it. False without a pnl or a target. */
export function isNearTarget(pnlPct: number | null, targetPct: number, bandPct: number): boolean {
  if (pnlPct === null || !Number.isFinite(pnlPct) || !(targetPct > 0)) {
    return false;
  }
  return pnlPct >= targetPct - Math.max(0, bandPct);
}

/** CLOSE_AGED_POSITIONS: held for at least `maxHoldHours`. */
export function isAged(position: ExitPosition, nowMs: number, maxHoldHours: number): boolean {
  return maxHoldHours >= 0 && hoursHeld(position, nowMs) >= maxHoldHours;
}

/** Minutes a position has been held (for capacity explanations). */
export function minutesHeld(position: ExitPosition, nowMs: number): number {
  return (nowMs - position.entryTimeMs) / 60_000;
}
