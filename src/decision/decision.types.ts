import type { AgentOutput, MetaDecisionResult } from '../core/agents';
import type { MarketSessionEvaluation } from '../core/calendar';
import type { DealerDecision } from '../core/decision';
import type { Engine } from '../core/experiment';
import type { RiskPosition } from '../core/risk';
import type { EngineASizing } from '../core/sizing';
import type { UnifiedBiasState } from '../core/bias';
import type { EnrichmentSnapshot } from '../enrichment/enrichment-snapshot';
import type { FlagSnapshot } from '../feature-flags/feature-flags.service';

/** One step of an engine's chain, as shown by GET /signals/:id/decision. */
export interface DecisionStep {
  step: string;
  pass: boolean;
  code: string;
  detail: string;
  data?: unknown;
}

/** What both engines read for one signal. */
export interface EngineInput {
  signalId: string;
  symbol: string;
  direction: 'long' | 'short';
  action: 'entry' | 'add';
  timeframe: string;
  /** The alert's confidence, or DEFAULT_SIGNAL_CONFIDENCE when it had none. */
  confidence: number;
  confidenceSource: 'alert' | 'default';
  signalTime: Date;
  snapshot: EnrichmentSnapshot;
  /** The session the engines judge by; in decision-only mode the session checks are waived. */
  session: MarketSessionEvaluation;
  decisionOnly: boolean;
  biasState: UnifiedBiasState | null;
  flags: FlagSnapshot;
  positions: readonly RiskPosition[];
  equity: number;
  dealer: DealerDecision | null;
  /** The engine's share of capital and exposure limits under the policy (SPLIT_CAPITAL splits; a shadow sizes as if alone: 1). */
  capitalShare: number;
  remainingExposure: number;
  now: Date;
}

export interface TradeProposal {
  direction: 'long' | 'short';
  optionType: 'call' | 'put';
  strike: number;
  expiration: string;
  optionSymbol: string;
  quantity: number;
  /** Per share, dollars; the option quote's mid, or null when no quote could be had. */
  entryPrice: number | null;
  /** The option quote at decision time (slippage telemetry). */
  quote: { bid: number | null; ask: number | null; mid: number; asOf: string } | null;
}

export interface EngineResult {
  engine: Engine;
  /** The engine recommends this trade (before the risk gates). */
  approved: boolean;
  /** 'ok' when approved; otherwise the deciding reason code. */
  code: string;
  detail: string;
  steps: DecisionStep[];
  trade: TradeProposal | null;
  sizing?: EngineASizing;
  agents?: AgentRun[];
  meta?: MetaDecisionResult;
}

export interface AgentRun {
  agent: string;
  type: string;
  status: 'voted' | 'not_applicable' | 'disabled' | 'failed' | 'timed_out';
  output: AgentOutput | null;
  violations: string[];
  error?: string;
  ms: number;
}
