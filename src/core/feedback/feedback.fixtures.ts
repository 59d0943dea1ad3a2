import type { TradeOutcome } from './trade-outcome';

/** 2026-02-13 15:30 UTC = 10:30 New York (EST). */
export const T0 = Date.UTC(2026, 1, 13, 15, 30);
export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;

let counter = 0;

/** A TradeOutcome with neutral defaults; ids are unique per call unless given. */
export function outcome(overrides: Partial<TradeOutcome> = {}): TradeOutcome {
  counter += 1;
  return {
    positionId: `pos-${String(counter).padStart(4, '0')}`,
    signalId: null,
    symbol: 'SPY',
    direction: 'long',
    engine: 'A',
    source: 'live',
    pnl: 0,
    pnlPercent: 0,
    pnlR: 0,
    durationMinutes: 30,
    exitReasonCodes: [],
    entryBiasScore: null,
    entryMacroClass: null,
    entryRegime: null,
    entryIntent: null,
    entryAcceleration: null,
    closedAtMs: T0,
    ...overrides,
  };
}
