import type { MarketSessionEvaluation } from '../calendar';
import type { DealerPosition } from '../gex';
import type { IndicatorSnapshot } from '../indicators';
import type { Candle } from '../market/market.types';

/**
 * What every Engine B agent reads: one snapshot gathered by the enrichment step. Agents are pure functions of
 * `(context, now)`; none reads a database, a provider or a clock.
 */
export interface AgentContext {
  symbol: string;
  /** The side the alert asks for. */
  direction: 'long' | 'short';
  /** The alert's confidence, 0-100; null when it had none. */
  signalConfidence: number | null;
  /** The underlying's current price; null when market data was unavailable. */
  price: number | null;
  /** Candles of the signal's timeframe (or 5m), oldest first; empty when unavailable. */
  candles: readonly Candle[];
  /** computeIndicators over `candles`, with the regular session's open for VWAP and the opening range. */
  indicators: IndicatorSnapshot | null;
  /** The market session at decision time under the configured policy. */
  session: MarketSessionEvaluation;
  /** GEX summary; null when no chain was available. */
  gex: AgentGex | null;
  /** Options flow summary; null when none was available. */
  flow: AgentFlow | null;
  /** Open (and closing) positions and the limits the risk agent checks. */
  risk: AgentRiskState;
}

export interface AgentGex {
  netGex: number;
  dealerPosition: DealerPosition;
  zeroGammaLevel: number | null;
}

export interface AgentFlow {
  callPremium: number;
  putPremium: number;
  bullishPremium: number;
  bearishPremium: number;
  netFlow: number;
  entries: number;
}

export interface AgentRiskState {
  openPositions: number;
  openPositionsForSymbol: number;
  maxOpenPositions: number;
  maxPositionsPerSymbol: number;
  /** Premium at risk in open positions, dollars. */
  exposure: number;
  /** The lower of the dollar limit and the percent-of-equity limit, dollars. */
  maxExposure: number;
  killSwitch: boolean;
}
