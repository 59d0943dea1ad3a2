import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AgentOutput } from '../core/agents';
import type { Engine, ExecutionPolicy, VariantAssignment } from '../core/experiment';
import type { EnrichmentSnapshot } from '../enrichment/enrichment-snapshot';

/** All decisions commit one at a time: the gates read positions and pending orders that the previous one wrote. */
const DECISION_LOCK_KEY = 0x5ec1_0001;
export const POLICY_VERSION = 'v1.0';

export interface RecommendationWrite {
  engine: Engine;
  symbol: string;
  direction: 'long' | 'short' | null;
  timeframe: string;
  strike: number | null;
  expiration: string | null;
  quantity: number | null;
  entryPrice: number | null;
  isShadow: boolean;
  rationale: Record<string, unknown>;
}

export interface OrderWrite {
  engine: Engine;
  symbol: string;
  optionSymbol: string;
  strike: number;
  expiration: string;
  type: 'call' | 'put';
  quantity: number;
  /** The option mid the decision saw; null without a quote. */
  decisionMid: number | null;
}

export interface AgentDecisionWrite {
  output: AgentOutput;
  metadata: Record<string, unknown>;
}

@Injectable()
export class DecisionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async enrichment(signalId: string): Promise<{ enriched_data: EnrichmentSnapshot; processed_at: Date } | null> {
    const rows: { enriched_data: EnrichmentSnapshot; processed_at: Date }[] = await this.dataSource.query(
      `SELECT enriched_data, processed_at FROM signal_enrichments WHERE signal_id = $1 AND rejection_reason IS NULL`,
      [signalId],
    );
    return rows[0] ?? null;
  }

  async pendingOrderIds(signalId: string): Promise<string[]> {
    const rows: { order_id: string }[] = await this.dataSource.query(
      `SELECT order_id FROM orders WHERE signal_id = $1 AND status = 'pending_execution' ORDER BY engine`,
      [signalId],
    );
    return rows.map((row) => row.order_id);
  }

  /**
   * Runs `work` in one transaction after locking the signal row; `work` is not called (null is returned) when the
   * signal was decided meanwhile (a retried or duplicated job). `exclusive`: also hold the decision lock, for a
   * decision that may write an order (the gates must see every order committed before it); a signal no engine
   * approved for real does not wait for it.
   */
  async inDecisionTransaction<T>(
    signalId: string,
    exclusive: boolean,
    work: (tx: EntityManager) => Promise<T>,
  ): Promise<T | null> {
    return this.dataSource.transaction(async (tx) => {
      const rows: { status: string }[] = await tx.query(
        exclusive
          ? `SELECT status FROM signals, pg_advisory_xact_lock($2) WHERE signal_id = $1 FOR UPDATE OF signals`
          : `SELECT status FROM signals WHERE signal_id = $1 FOR UPDATE`,
        exclusive ? [signalId, DECISION_LOCK_KEY] : [signalId],
      );
      if (rows[0]?.status !== 'pending') {
        return null;
      }
      return work(tx);
    });
  }

  /** The experiment and its execution policy, in one statement; returns the experiment id. */
  async upsertExperiment(
    tx: EntityManager,
    signalId: string,
    assignment: VariantAssignment,
    policy: ExecutionPolicy,
    now: Date,
  ): Promise<string> {
    const executed =
      policy.executedEngines.length === 1 ? policy.executedEngines[0] : policy.executedEngines.length > 1 ? 'A' : null;
    const rows: { experiment_id: string }[] = await tx.query(
      `WITH e AS (
         INSERT INTO experiments (signal_id, variant, assignment_hash, split_percentage, policy_version, created_at)
         VALUES ($1, $2, $3, $4, $5, $10)
         ON CONFLICT (signal_id) DO UPDATE SET variant = EXCLUDED.variant,
           assignment_hash = EXCLUDED.assignment_hash, split_percentage = EXCLUDED.split_percentage
         RETURNING experiment_id
       )
       INSERT INTO execution_policies (experiment_id, execution_mode, executed_engine, shadow_engine, reason,
                                       policy_version, created_at)
       SELECT experiment_id, $6, $7, $8, $9, $5, $10 FROM e
       ON CONFLICT (experiment_id) DO UPDATE SET execution_mode = EXCLUDED.execution_mode,
         executed_engine = EXCLUDED.executed_engine, shadow_engine = EXCLUDED.shadow_engine, reason = EXCLUDED.reason
       RETURNING experiment_id`,
      [
        signalId,
        assignment.variant,
        assignment.assignmentHash,
        Math.round(assignment.splitPercentage),
        POLICY_VERSION,
        policy.executionMode,
        executed,
        policy.shadowEngine,
        [policy.reason, ...policy.notes, `engines:${policy.executedEngines.join('+') || 'none'}`].join('; '),
        now,
      ],
    );
    return rows[0].experiment_id;
  }

  async upsertRecommendation(
    tx: EntityManager,
    experimentId: string,
    signalId: string,
    rec: RecommendationWrite,
    now: Date,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO decision_recommendations (experiment_id, engine, signal_id, symbol, direction, timeframe, strike,
                                             expiration, quantity, entry_price, is_shadow, rationale, created_at,
                                             updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13, $13)
       ON CONFLICT (experiment_id, engine) DO UPDATE SET direction = EXCLUDED.direction, strike = EXCLUDED.strike,
         expiration = EXCLUDED.expiration, quantity = EXCLUDED.quantity, entry_price = EXCLUDED.entry_price,
         is_shadow = EXCLUDED.is_shadow, rationale = EXCLUDED.rationale, updated_at = EXCLUDED.updated_at`,
      [
        experimentId,
        rec.engine,
        signalId,
        rec.symbol,
        rec.direction,
        rec.timeframe,
        rec.strike,
        rec.expiration,
        rec.quantity,
        rec.entryPrice,
        rec.isShadow,
        JSON.stringify(rec.rationale),
        now,
      ],
    );
  }

  /** Every vote in one statement; unique per (signal, agent), so a retried decision rewrites rather than adds. */
  async upsertAgentDecisions(
    tx: EntityManager,
    experimentId: string,
    signalId: string,
    decisions: readonly AgentDecisionWrite[],
    now: Date,
  ): Promise<void> {
    if (decisions.length === 0) {
      return;
    }
    const rows = decisions.map(({ output, metadata }) => ({
      agent_name: output.agent,
      agent_type: output.type,
      bias: output.bias,
      confidence: Math.round(output.confidence),
      reasons: output.reasons,
      block: output.block === true,
      metadata,
    }));
    await tx.query(
      `INSERT INTO agent_decisions (experiment_id, signal_id, agent_name, agent_type, bias, confidence, reasons,
                                    block, metadata, created_at)
       SELECT $1, $2, r.agent_name, r.agent_type, r.bias, r.confidence, r.reasons, r.block, r.metadata, $4
         FROM jsonb_to_recordset($3::jsonb) AS r(agent_name text, agent_type text, bias text, confidence int,
                                                  reasons jsonb, block boolean, metadata jsonb)
       ON CONFLICT (signal_id, agent_name) DO UPDATE SET experiment_id = EXCLUDED.experiment_id,
         agent_type = EXCLUDED.agent_type, bias = EXCLUDED.bias, confidence = EXCLUDED.confidence,
         reasons = EXCLUDED.reasons, block = EXCLUDED.block, metadata = EXCLUDED.metadata`,
      [experimentId, signalId, JSON.stringify(rows), now],
    );
  }

  /** The unique index on (signal, engine, order_type) for opening orders makes a second insert a no-op. */
  async insertOrder(
    tx: EntityManager,
    signalId: string,
    experimentId: string,
    order: OrderWrite,
    now: Date,
  ): Promise<string | null> {
    const rows: { order_id: string }[] = await tx.query(
      `INSERT INTO orders (signal_id, intent, symbol, option_symbol, strike, expiration, type, quantity, order_type,
                           status, engine, experiment_id, decision_mid, created_at, updated_at, trace_id)
       VALUES ($1, 'open', $2, $3, $4, $5, $6, $7, 'paper', 'pending_execution', $8, $9, $11, $10, $10,
               (SELECT request_id FROM signals WHERE signal_id = $1))
       ON CONFLICT DO NOTHING RETURNING order_id`,
      [
        signalId,
        order.symbol,
        order.optionSymbol,
        order.strike,
        order.expiration,
        order.type,
        order.quantity,
        order.engine,
        experimentId,
        now,
        order.decisionMid,
      ],
    );
    return rows[0]?.order_id ?? null;
  }

  async finishSignal(
    tx: EntityManager,
    signalId: string,
    update: {
      status: 'approved' | 'rejected';
      reason: string | null;
      experimentId: string | null;
      metaGamma: Record<string, unknown> | null;
    },
    now: Date,
  ): Promise<void> {
    await tx.query(
      `UPDATE signals SET status = $2, rejection_reason = $3, experiment_id = $4, meta_gamma = $5::jsonb,
              processed = true, next_retry_at = NULL, updated_at = $6
        WHERE signal_id = $1`,
      [signalId, update.status, update.reason, update.experimentId, JSON.stringify(update.metaGamma), now],
    );
  }

  /** Open positions an exit alert closes: the symbol's, of the side it names (all sides when none); closing ones are already on their way out. */
  async positionsToClose(
    tx: EntityManager,
    symbol: string,
    direction: 'long' | 'short' | null,
  ): Promise<{ position_id: string; engine: Engine; option_symbol: string; quantity: number; direction: string }[]> {
    return tx.query(
      `SELECT position_id, engine, option_symbol, quantity,
              COALESCE(direction, CASE WHEN type = 'call' THEN 'long' ELSE 'short' END) AS direction
         FROM positions
        WHERE upper(symbol) = upper($1) AND status = 'open'
          AND ($2::text IS NULL OR COALESCE(direction, CASE WHEN type = 'call' THEN 'long' ELSE 'short' END) = $2)
        ORDER BY entry_timestamp`,
      [symbol, direction],
    );
  }

  /** A cancel alert withdraws the symbol's entry orders not yet filled. */
  async cancelPendingEntries(
    tx: EntityManager,
    symbol: string,
    direction: 'long' | 'short' | null,
    now: Date,
  ): Promise<string[]> {
    const rows: { order_id: string }[] = await tx.query(
      `UPDATE orders SET status = 'failed', failure_reason = 'cancelled_by_signal', updated_at = $3
        WHERE upper(symbol) = upper($1) AND intent = 'open' AND status = 'pending_execution'
          AND ($2::text IS NULL OR type = CASE WHEN $2 = 'long' THEN 'call' ELSE 'put' END)
        RETURNING order_id`,
      [symbol, direction, now],
    );
    return rows.map((row) => row.order_id);
  }

  /** Positions an exit alert's close decision lists that are still open and have no closing order from it yet. */
  /** The position an entry of this signal replaces, while it is open and this signal has not asked to close it. */
  async replacementClosesToRequest(signalId: string): Promise<string[]> {
    const rows = await this.dataSource.query<{ position_id: string }[]>(
      `SELECT DISTINCT pos.position_id
         FROM decision_recommendations r
         JOIN positions pos ON pos.position_id = (r.rationale -> 'replaces' ->> 'positionId')::uuid
        WHERE r.signal_id = $1 AND pos.status = 'open'
          AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.signal_id = $1 AND o.position_id = pos.position_id)`,
      [signalId],
    );
    return rows.map((row) => row.position_id);
  }

  async exitClosesToRequest(signalId: string): Promise<string[]> {
    const rows = await this.dataSource.query<{ position_id: string }[]>(
      `SELECT DISTINCT (p ->> 'positionId')::uuid AS position_id
         FROM decision_recommendations r, jsonb_array_elements(r.rationale -> 'positions') p
         JOIN positions pos ON pos.position_id = (p ->> 'positionId')::uuid
        WHERE r.signal_id = $1 AND r.rationale ->> 'kind' = 'close' AND r.rationale ->> 'status' = 'close_requested'
          AND pos.status = 'open'
          AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.signal_id = $1 AND o.position_id = pos.position_id)`,
      [signalId],
    );
    return rows.map((row) => row.position_id);
  }
}
