import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface SignalDecisionRow {
  signal_id: string;
  status: string;
  rejection_reason: string | null;
  decision_only: boolean;
  queued_until: Date | null;
  meta_gamma: Record<string, unknown> | null;
}

export interface EnrichmentRow {
  enriched_data: Record<string, unknown> | null;
  risk_check_result: Record<string, unknown> | null;
  rejection_reason: string | null;
  processed_at: Date;
}

export interface ExperimentRow {
  experiment_id: string;
  variant: string;
  assignment_hash: string;
  split_percentage: number;
  execution_mode: string | null;
  executed_engine: string | null;
  shadow_engine: string | null;
  policy_reason: string | null;
}

export interface RecommendationRow {
  engine: string;
  direction: string | null;
  strike: string | null;
  expiration: string | null;
  quantity: number | null;
  entry_price: string | null;
  is_shadow: boolean;
  rationale: RecommendationRationale | null;
}

/** The shape the decision processor writes into `decision_recommendations.rationale`. */
export interface RecommendationRationale {
  kind?: 'entry' | 'close';
  status?: string;
  code?: string;
  reason?: string;
  optionSymbol?: string | null;
  steps?: { step: string; pass: boolean; code: string; detail: string; data?: unknown }[];
  gates?: { gate: string; pass: boolean; code: string; detail: string; skipped: boolean }[] | null;
  meta?: unknown;
  agents?: unknown;
  policy?: unknown;
}

export interface AgentDecisionRow {
  agent_name: string;
  agent_type: string;
  bias: string;
  confidence: number;
  reasons: string[];
  block: boolean;
  metadata: Record<string, unknown> | null;
}

export interface DecisionOrderRow {
  order_id: string;
  engine: string;
  intent: string;
  option_symbol: string;
  quantity: number;
  status: string;
  failure_reason: string | null;
}

export interface DecisionRecord {
  signal: SignalDecisionRow | null;
  enrichment: EnrichmentRow | null;
  experiment: ExperimentRow | null;
  recommendations: RecommendationRow[];
  agents: AgentDecisionRow[];
  orders: DecisionOrderRow[];
}

/** Reads everything behind one signal's decision, for GET /signals/:id/decision. */
@Injectable()
export class DecisionViewRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async load(signalId: string): Promise<DecisionRecord> {
    const q = this.dataSource;
    const [signals, enrichments, experiments, recommendations, agents, orders] = await Promise.all([
      q.query<SignalDecisionRow[]>(
        `SELECT signal_id, status, rejection_reason, decision_only, queued_until, meta_gamma
           FROM signals WHERE signal_id = $1`,
        [signalId],
      ),
      q.query<EnrichmentRow[]>(
        `SELECT enriched_data, risk_check_result, rejection_reason, processed_at FROM signal_enrichments
          WHERE signal_id = $1`,
        [signalId],
      ),
      q.query<ExperimentRow[]>(
        `SELECT e.experiment_id, e.variant, e.assignment_hash, e.split_percentage,
                p.execution_mode, p.executed_engine, p.shadow_engine, p.reason AS policy_reason
           FROM experiments e LEFT JOIN execution_policies p ON p.experiment_id = e.experiment_id
          WHERE e.signal_id = $1`,
        [signalId],
      ),
      q.query<RecommendationRow[]>(
        `SELECT engine, direction, strike, to_char(expiration, 'YYYY-MM-DD') AS expiration, quantity, entry_price,
                is_shadow, rationale
           FROM decision_recommendations WHERE signal_id = $1 ORDER BY engine`,
        [signalId],
      ),
      q.query<AgentDecisionRow[]>(
        `SELECT agent_name, agent_type, bias, confidence, reasons, block, metadata FROM agent_decisions
          WHERE signal_id = $1 ORDER BY created_at, agent_name`,
        [signalId],
      ),
      q.query<DecisionOrderRow[]>(
        `SELECT order_id, engine, intent, option_symbol, quantity, status, failure_reason
           FROM orders WHERE signal_id = $1 ORDER BY engine`,
        [signalId],
      ),
    ]);
    return {
      signal: signals[0] ?? null,
      enrichment: enrichments[0] ?? null,
      experiment: experiments[0] ?? null,
      recommendations,
      agents,
      orders,
    };
  }
}
