import { evaluateMarketSession } from '../calendar';
import type { Engine } from '../experiment/experiment.types';
import type { SignalDirection } from '../signal/signal.types';
import { DEFAULT_RISK_LIMITS, RiskLimits, RiskPosition, RiskSnapshot } from './risk.types';
import positionRows from './fixtures/positions.json';

/** Friday 2026-02-13 10:30 ET: a regular session. */
export const NOW = new Date('2026-02-13T15:30:00Z');
/** Saturday 2026-02-14 10:30 ET: closed. */
export const WEEKEND = new Date('2026-02-14T15:30:00Z');

export const minutesBefore = (at: Date, minutes: number): Date => new Date(at.getTime() - minutes * 60_000);

interface PositionRow {
  symbol: string;
  engine: string;
  direction: string;
  option_symbol: string;
  quantity: number;
  entry_price: string;
  current_price: string;
  status: string;
  opened_at: string;
}

/** The `positions` fixture rows as the gates see them (p4 is closed): SPY A long, SPY B short, QQQ A long closing. */
export const POSITIONS: RiskPosition[] = (positionRows as PositionRow[]).map((row) => ({
  symbol: row.symbol,
  engine: row.engine as Engine,
  direction: row.direction as SignalDirection,
  optionSymbol: row.option_symbol,
  quantity: row.quantity,
  entryPrice: Number(row.entry_price),
  currentPrice: Number(row.current_price),
  status: row.status as RiskPosition['status'],
  openedAt: new Date(row.opened_at),
}));

export const position = (overrides: Partial<RiskPosition> = {}): RiskPosition => ({
  symbol: 'IWM',
  engine: 'A',
  direction: 'long',
  quantity: 1,
  entryPrice: 1,
  currentPrice: 1,
  status: 'open',
  openedAt: minutesBefore(NOW, 60),
  ...overrides,
});

export const limits = (overrides: Partial<RiskLimits> = {}): RiskLimits => ({ ...DEFAULT_RISK_LIMITS, ...overrides });

/** A fresh long SPY entry on engine A at NOW with nothing open and the market open. */
export const snapshot = (overrides: Partial<RiskSnapshot> = {}, now: Date = NOW): RiskSnapshot => ({
  engine: 'A',
  signal: {
    symbol: 'SPY',
    direction: 'long',
    action: 'entry',
    confidence: 75,
    receivedAt: now,
    timestamp: now,
  },
  positions: [],
  pendingOrders: [],
  realizedPnlToday: 0,
  unrealizedPnl: 0,
  tradesToday: 0,
  lastTradeAtBySymbol: {},
  killSwitch: false,
  accountEquity: 100_000,
  confluence: null,
  biasGate: null,
  marketSession: evaluateMarketSession(now),
  proposed: null,
  ...overrides,
});

export const signal = (base: RiskSnapshot, overrides: Partial<RiskSnapshot['signal']>): RiskSnapshot['signal'] => ({
  ...base.signal,
  ...overrides,
});
