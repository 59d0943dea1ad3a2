import { pickReplacementCandidate } from '../exits/capacity';
import { activePositions } from './risk.helpers';
import type { RiskLimits, RiskPendingOrder, RiskPosition } from './risk.types';

/** POSITION_REPLACEMENT_ENABLED, MIN_CONFIDENCE_FOR_REPLACEMENT, MIN_HOLD_MINUTES_FOR_CAPACITY_CLOSE. */
export interface ReplacementSettings {
  enabled: boolean;
  minConfidence: number;
  minHoldMinutes: number;
}

/**
 * Spec POSITION_REPLACEMENT: when the book is full (open and closing positions plus pending entries at
 * MAX_OPEN_POSITIONS), a new entry whose alert confidence reaches the minimum may take the slot of the weakest open
 * position: held at least the minimum minutes, with a mark, lowest P&L % (ties: oldest, then smallest id). Null when
 * replacement is off, the signal is not a new entry or too weak, the book has room, or no position qualifies.
 */
export function replacementFor(
  signal: { action: string; confidence: number | null },
  book: { positions: readonly RiskPosition[]; pendingOrders: readonly RiskPendingOrder[] },
  limits: Pick<RiskLimits, 'maxOpenPositions'>,
  settings: ReplacementSettings,
  now: Date,
): RiskPosition | null {
  if (!settings.enabled || signal.action !== 'entry' || (signal.confidence ?? 0) < settings.minConfidence) {
    return null;
  }
  if (activePositions(book.positions).length + book.pendingOrders.length < limits.maxOpenPositions) {
    return null;
  }
  const candidates = book.positions
    .filter((p) => p.status === 'open' && p.positionId !== undefined && p.marked !== false)
    .map((p) => ({
      position: p,
      positionId: p.positionId as string,
      quantity: p.quantity,
      entryTimeMs: p.openedAt.getTime(),
      entryPrice: p.entryPrice,
      currentPrice: p.currentPrice,
      // Bought calls and bought puts alike: the P&L rises with the premium.
      direction: 'long' as const,
    }));
  return (
    pickReplacementCandidate(candidates, now.getTime(), { minHoldMinutes: settings.minHoldMinutes })?.position ?? null
  );
}

/** The book without the replaced position: what the gates judge a replacing entry against. */
export function withoutReplaced<T extends { positions: readonly RiskPosition[] }>(
  book: T,
  replaced: RiskPosition | null,
): T {
  return replaced ? { ...book, positions: book.positions.filter((p) => p !== replaced) } : book;
}
