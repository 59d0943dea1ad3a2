import { DEFAULT_EXIT_CONFIG } from './exit.config';
import type { ExitConfig } from './exit.config';
import type { ExitBias, ExitMarket, ExitPosition } from './exit.types';

/** Test fixtures for the exit specs: the section 17 trace position and builders. Instants are epoch ms (UTC). */

/** Friday 2026-02-13 10:30 ET: pos-001 is filled at 3.52. */
export const ENTRY_MS = Date.parse('2026-02-13T15:30:00Z');
/** Friday 2026-02-20 16:00 ET: the close of the last trading day of the SPY 596 call. */
export const EXPIRY_CLOSE_MS = Date.parse('2026-02-20T21:00:00Z');
/** About two hours after the entry (section 17, step 10). */
export const TRACE_NOW_MS = Date.parse('2026-02-13T17:30:00Z');

export const HOUR_MS = 3_600_000;

export const CONFIG: ExitConfig = { ...DEFAULT_EXIT_CONFIG };
/** Only the plain rules: no intelligence, no tiers. */
export const PLAIN_CONFIG: ExitConfig = {
  ...DEFAULT_EXIT_CONFIG,
  enableDecisionEngine: false,
  enableIntelligence: false,
};

export const bias = (overrides: Partial<ExitBias> = {}): ExitBias => ({
  direction: 'bullish',
  biasScore: 60,
  confidence: 75,
  regime: 'TRENDING',
  chopScore: 35,
  ...overrides,
});

/** pos-001 of the section 17 trace: 9 long SPY 596 calls at 3.52, marked at 3.78. */
export const position = (overrides: Partial<ExitPosition> = {}): ExitPosition => ({
  positionId: 'pos-001',
  symbol: 'SPY',
  optionType: 'call',
  direction: 'long',
  quantity: 9,
  entryPrice: 3.52,
  currentPrice: 3.78,
  highWaterPrice: 3.78,
  entryTimeMs: ENTRY_MS,
  expiryCloseMs: EXPIRY_CLOSE_MS,
  entryBias: bias(),
  ...overrides,
});

export const market = (overrides: Partial<ExitMarket> = {}): ExitMarket => ({
  bias: bias(),
  underlyingPrice: 596.1,
  ...overrides,
});

/** The mark that gives `pnlPct` on a long position entered at `entry`. */
export const markFor = (pnlPct: number, entry = 3.52): number => entry * (1 + pnlPct / 100);
