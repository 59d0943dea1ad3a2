import type { AgentFlow, AgentGex } from '../core/agents/agent-context';
import type { MarketSessionEvaluation } from '../core/calendar';
import type { ConfluenceResult } from '../core/confluence';
import type { IndicatorSnapshot } from '../core/indicators';
import type { Candle } from '../core/market/market.types';
import type { SignalMetadata } from '../core/signal';

/** One candle as stored: [open time epoch ms, open, high, low, close, volume]. */
export type StoredCandle = [number, number, number, number, number, number];

/**
 * Everything the decision step reads about the market, as stored in `signal_enrichments.enriched_data` (JSON: dates
 * are ISO strings, candles compact). The decision is a function of this snapshot, the positions at decision time and
 * the configuration, so it can be explained and replayed.
 */
export interface EnrichmentSnapshot {
  version: 1;
  symbol: string;
  metadata: SignalMetadata;
  /** The instant the signal's age is measured from: its receipt, or the open it was held for. */
  effectiveSignalTime: string;
  released: boolean;
  decisionOnly: boolean;
  session: StoredSession;
  price: number | null;
  quote: { bid: number; ask: number; mid: number; asOf: string; provider?: string } | null;
  candleTimeframe: string;
  candles: StoredCandle[];
  indicators: StoredIndicators | null;
  gex: AgentGex | null;
  flow: AgentFlow | null;
  confluence: ConfluenceResult | null;
  /** What could not be fetched and how the pipeline degraded ('candles:market_data_unavailable', ...). */
  degraded: string[];
}

export type StoredSession = Omit<MarketSessionEvaluation, 'nextOpen' | 'nextClose'> & {
  nextOpen: string;
  nextClose: string;
};

export type StoredIndicators = IndicatorSnapshot;

/** The risk checks of the enrichment step, stored in `signal_enrichments.risk_check_result`. */
export interface EnrichmentRiskResult {
  marketOpen: boolean;
  openPositions: number;
  openPositionsForSymbol: number;
  maxOpenPositions: number;
  maxPositionsPerSymbol: number;
  replacementEligible: boolean;
  confluenceGate: { enabled: boolean; threshold: number; score: number | null; pass: boolean };
  signalPriority: { confidence: number | null; total: number | null };
}

export function storeSession(session: MarketSessionEvaluation): StoredSession {
  return { ...session, nextOpen: session.nextOpen.toISOString(), nextClose: session.nextClose.toISOString() };
}

export function loadSession(session: StoredSession): MarketSessionEvaluation {
  return { ...session, nextOpen: new Date(session.nextOpen), nextClose: new Date(session.nextClose) };
}

export function storeCandles(candles: readonly Candle[]): StoredCandle[] {
  return candles.map((c) => [c.time.getTime(), c.open, c.high, c.low, c.close, c.volume]);
}

export function loadCandles(candles: readonly StoredCandle[]): Candle[] {
  return candles.map(([t, open, high, low, close, volume]) => ({ time: new Date(t), open, high, low, close, volume }));
}
