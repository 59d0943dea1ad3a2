import type { MarketSessionEvaluation } from '../calendar';
import type { BiasGateResult } from '../bias';
import type { ConfluenceResult } from '../confluence';
import type { Engine } from '../experiment/experiment.types';
import type { SignalAction, SignalDirection } from '../signal/signal.types';

/** A `positions` row as the gates see it. Only non-closed rows hold capacity and exposure. */
export interface RiskPosition {
  symbol: string;
  engine: Engine;
  /** The side opened (call = long, put = short); used by the duplicate-trade gate. */
  direction: SignalDirection;
  optionSymbol?: string;
  /** Contracts. */
  quantity: number;
  /** Premium per share, dollars. */
  entryPrice: number;
  /** Premium per share, dollars (the mark). */
  currentPrice: number;
  status: 'open' | 'closing' | 'closed';
  openedAt: Date;
  /** Set when read from the book (position replacement names the position it closes). */
  positionId?: string;
  /** False when `currentPrice` is the entry premium standing in for a missing mark. */
  marked?: boolean;
}

/** An entry order written but not yet filled (status `pending_execution`). Its side is read from the OCC symbol. */
export interface RiskPendingOrder {
  symbol: string;
  engine: Engine;
  optionSymbol: string;
}

export interface RiskSignal {
  symbol: string;
  /** Entries: the side opened. May be null on exits and cancels. */
  direction: SignalDirection | null;
  action: SignalAction;
  confidence: number | null;
  receivedAt: Date;
  /** The alert's own time (or the receipt time when it had none): the signal's age is measured from it. */
  timestamp: Date;
}

/** The order being considered, once sized. Absent before sizing: the size gate passes and exposure checks room left. */
export interface ProposedTrade {
  /** Contracts. */
  quantity: number;
  /** Premium per share, dollars. */
  premium: number;
}

/** Everything the gates read, gathered by the caller at one instant. The core reads no database and no clock. */
export interface RiskSnapshot {
  /** The engine whose entry is gated. */
  engine: Engine;
  signal: RiskSignal;
  positions: readonly RiskPosition[];
  pendingOrders: readonly RiskPendingOrder[];
  /** Realized P&L of fills since the session open, dollars (negative = loss). */
  realizedPnlToday: number;
  /** Unrealized P&L of open positions since the session open, dollars (negative = loss). */
  unrealizedPnl: number;
  /** Paper fills today (the spec's `fill_timestamp >= CURRENT_DATE` count). */
  tradesToday: number;
  /** Last fill per underlying symbol. Keys are compared case-insensitively. */
  lastTradeAtBySymbol: Readonly<Record<string, Date>>;
  /** The `feature_flags` kill switch. */
  killSwitch: boolean;
  /** Account equity at the session open, dollars. */
  accountEquity: number;
  /** null when not computed. */
  confluence: ConfluenceResult | null;
  /** evaluateBiasGate's result; null when not evaluated (no bias state loaded). */
  biasGate: BiasGateResult | null;
  /** evaluateMarketSession at `now` under the configured policy. */
  marketSession: MarketSessionEvaluation;
  proposed?: ProposedTrade | null;
}

export interface RiskLimits {
  /** MAX_OPEN_POSITIONS. */
  maxOpenPositions: number;
  /** risk_limits.max_positions_per_symbol. */
  maxPositionsPerSymbol: number;
  /** MAX_POSITION_SIZE, contracts per order. */
  maxPositionSize: number;
  /** risk_limits.max_total_exposure, dollars. */
  maxTotalExposure: number;
  /** MAX_EXPOSURE_PERCENT of (account equity + realized P&L today). */
  maxExposurePercent: number;
  /** MAX_DAILY_LOSS, dollars, realized + unrealized since the session open. */
  maxDailyLoss: number;
  /** MAX_DAILY_TRADES; 0 = unlimited. */
  maxDailyTrades: number;
  /** Minutes after a fill on a symbol before a new entry on it; 0 = off. */
  cooldownMinutes: number;
  /** ENABLE_CONFLUENCE_GATE. */
  confluenceGateEnabled: boolean;
  /** CONFLUENCE_MIN_THRESHOLD, 0-100; passes at or above. */
  confluenceMinThreshold: number;
  /** REQUIRE_MTF_BIAS_FOR_ENTRY. */
  requireMtfBias: boolean;
  /** SIGNAL_MAX_AGE_MINUTES: older signals are `signal_stale` when the market is closed. */
  signalMaxAgeMinutes: number;
  /** Shares per option contract. */
  contractMultiplier: number;
}

/** The spec's defaults (section 8). */
export const DEFAULT_RISK_LIMITS: Readonly<RiskLimits> = {
  maxOpenPositions: 5,
  maxPositionsPerSymbol: 3,
  maxPositionSize: 10,
  maxTotalExposure: 10_000,
  maxExposurePercent: 20,
  maxDailyLoss: 1_000,
  maxDailyTrades: 0,
  cooldownMinutes: 5,
  confluenceGateEnabled: false,
  confluenceMinThreshold: 50,
  requireMtfBias: false,
  signalMaxAgeMinutes: 30,
  contractMultiplier: 100,
};

export interface GateVerdict {
  pass: boolean;
  /** Stored and shown; 'ok' when passing plainly. See RISK_CODES. */
  code: string;
  detail: string;
  /** 'block' on every failure; 'reduce' on a passing verdict that caps the quantity at `reduceTo`. */
  action?: 'block' | 'reduce';
  reduceTo?: number;
}

export type RiskGate = (snapshot: RiskSnapshot, limits: RiskLimits, now: Date) => GateVerdict;
