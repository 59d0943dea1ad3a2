import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AgentPerformance, AgentVote, ClosedPositionFacts, TradeOutcome } from '../core/feedback';
import { buildTradeOutcome } from '../core/feedback';

interface ClosedRow {
  position_id: string;
  signal_id: string | null;
  symbol: string;
  direction: 'long' | 'short' | null;
  type: 'call' | 'put';
  engine: 'A' | 'B';
  entry_price: string;
  opened_quantity: number;
  realized_pnl: string | null;
  entry_timestamp: Date;
  exit_timestamp: Date | null;
  exit_reason: string | null;
  entry_bias_score: string | null;
  entry_macro_class: string | null;
  entry_regime_type: string | null;
  entry_mode_hint: string | null;
  entry_acceleration_state_strength_delta: string | null;
  slippage: string | null;
  entry_confidence: string | null;
  source: 'live' | 'shadow';
}

/** The confidence the entry rules read for the position's signal: the enrichment's, else the alert's field. */
const ENTRY_CONFIDENCE = (alias: string) => `(
  SELECT COALESCE((e.enriched_data -> 'metadata' ->> 'confidence')::numeric,
                  CASE WHEN sg.raw_payload ->> 'confidence' ~ '^[0-9]+(\\.[0-9]+)?$'
                       THEN (sg.raw_payload ->> 'confidence')::numeric END)
    FROM signals sg LEFT JOIN signal_enrichments e ON e.signal_id = sg.signal_id
   WHERE sg.signal_id = ${alias}.signal_id)`;

/** Real positions and shadow positions, closed, as one row shape. */
const CLOSED_POSITIONS = `
  SELECT p.position_id, p.signal_id, p.symbol, p.direction, p.type, p.engine, p.entry_price,
         COALESCE((SELECT SUM(t.fill_quantity) FROM trades t WHERE t.position_id = p.position_id AND t.intent = 'open'),
                  p.quantity)::int AS opened_quantity,
         p.realized_pnl, p.entry_timestamp, p.exit_timestamp, p.exit_reason, p.entry_bias_score, p.entry_macro_class,
         p.entry_regime_type, p.entry_mode_hint, p.entry_acceleration_state_strength_delta,
         (SELECT SUM(t.slippage * t.fill_quantity * 100) FROM trades t WHERE t.position_id = p.position_id)::text
           AS slippage,
         ${ENTRY_CONFIDENCE('p')} AS entry_confidence,
         'live' AS source
    FROM positions p WHERE p.status = 'closed'
  UNION ALL
  SELECT s.shadow_position_id, s.signal_id, s.symbol, s.direction, s.type, s.engine, s.entry_price,
         st.quantity, s.realized_pnl, s.entry_timestamp, s.exit_timestamp, s.exit_reason, s.entry_bias_score,
         s.entry_macro_class, s.entry_regime_type, s.entry_mode_hint, s.entry_acceleration_state_strength_delta,
         NULL, ${ENTRY_CONFIDENCE('s')}, 'shadow'
    FROM shadow_positions s JOIN shadow_trades st ON st.shadow_trade_id = s.shadow_trade_id
   WHERE s.status = 'closed'`;

@Injectable()
export class FeedbackRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async closedPosition(positionId: string, source: 'live' | 'shadow'): Promise<TradeOutcome | null> {
    const rows = await this.dataSource.query<ClosedRow[]>(
      `SELECT * FROM (${CLOSED_POSITIONS}) c WHERE c.position_id = $1 AND c.source = $2`,
      [positionId, source],
    );
    return rows[0] ? outcomeOf(rows[0]) : null;
  }

  /** Every closed position (real and shadow) as an outcome, oldest close first. */
  async outcomes(): Promise<TradeOutcome[]> {
    const rows = await this.dataSource.query<ClosedRow[]>(
      `SELECT * FROM (${CLOSED_POSITIONS}) c WHERE c.realized_pnl IS NOT NULL ORDER BY c.exit_timestamp, c.position_id`,
    );
    return rows.map(outcomeOf);
  }

  /** The spec's captureTradeOutcome row; once per (position, source). */
  async captureOutcome(outcome: TradeOutcome): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `INSERT INTO bias_trade_performance (position_id, symbol, direction, pnl_r, pnl_percent, duration_minutes,
                                           entry_bias_score, entry_macro_class, entry_regime, entry_intent,
                                           entry_acceleration, exit_reason_codes, source, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT (position_id, source) DO NOTHING RETURNING id`,
      [
        outcome.positionId,
        outcome.symbol,
        outcome.direction,
        outcome.pnlR,
        outcome.pnlPercent,
        outcome.durationMinutes,
        outcome.entryBiasScore,
        outcome.entryMacroClass,
        outcome.entryRegime,
        outcome.entryIntent,
        outcome.entryAcceleration,
        outcome.exitReasonCodes,
        outcome.source,
        new Date(outcome.closedAtMs),
      ],
    );
    return rows.length > 0;
  }

  async votes(): Promise<AgentVote[]> {
    return this.dataSource.query<AgentVote[]>(
      `SELECT signal_id AS "signalId", agent_name AS agent, bias, confidence FROM agent_decisions`,
    );
  }

  async saveAgentPerformance(stats: readonly AgentPerformance[], now: Date): Promise<void> {
    if (stats.length === 0) {
      return;
    }
    await this.dataSource.query(
      `INSERT INTO agent_performance (agent_name, total_signals, approved_signals, rejected_signals, total_trades,
                                      winning_trades, losing_trades, avg_confidence, win_rate, avg_win, avg_loss,
                                      expectancy, created_at, updated_at)
       SELECT a.agent, a.signals, a.approvals, a.rejections, a.trades, a.wins, a.losses, a.avg_confidence, a.win_rate,
              a.avg_win, a.avg_loss, a.expectancy, $2, $2
         FROM jsonb_to_recordset($1::jsonb) AS a(agent text, signals int, approvals int, rejections int, trades int,
              wins int, losses int, avg_confidence numeric, win_rate numeric, avg_win numeric, avg_loss numeric,
              expectancy numeric)
       ON CONFLICT (agent_name) DO UPDATE SET total_signals = EXCLUDED.total_signals,
         approved_signals = EXCLUDED.approved_signals, rejected_signals = EXCLUDED.rejected_signals,
         total_trades = EXCLUDED.total_trades, winning_trades = EXCLUDED.winning_trades,
         losing_trades = EXCLUDED.losing_trades, avg_confidence = EXCLUDED.avg_confidence,
         win_rate = EXCLUDED.win_rate, avg_win = EXCLUDED.avg_win, avg_loss = EXCLUDED.avg_loss,
         expectancy = EXCLUDED.expectancy, updated_at = EXCLUDED.updated_at`,
      [
        JSON.stringify(
          stats.map((s) => ({
            agent: s.agent,
            signals: s.signalsVoted,
            approvals: s.approvals,
            rejections: s.rejections,
            trades: s.tradesAttributed,
            wins: s.wins,
            losses: s.losses,
            avg_confidence: round(s.avgConfidence, 2),
            win_rate: round(s.winRate, 2),
            avg_win: round(s.avgWin, 2),
            avg_loss: round(s.avgLoss, 2),
            expectancy: round(s.expectancy, 2),
          })),
        ),
        now,
      ],
    );
  }

  async agentPerformanceRows(): Promise<Record<string, unknown>[]> {
    return this.dataSource.query(
      `SELECT agent_name, total_signals, approved_signals, rejected_signals, total_trades, winning_trades,
              losing_trades, avg_confidence, win_rate, avg_win, avg_loss, expectancy, updated_at
         FROM agent_performance ORDER BY agent_name`,
    );
  }

  /** The latest tuned value of each key (bias_adaptive_config_history is the audit trail and the store). */
  async tunedValues(): Promise<Record<string, number>> {
    const rows = await this.dataSource.query<{ config_key: string; value: number }[]>(
      `SELECT DISTINCT ON (config_key) config_key, (new_value ->> 'value')::float8 AS value
         FROM bias_adaptive_config_history ORDER BY config_key, created_at DESC, id`,
    );
    return Object.fromEntries(rows.filter((r) => r.value !== null).map((r) => [r.config_key, r.value]));
  }

  async recordTuning(
    changes: readonly { key: string; oldValue: number; newValue: number; reason: string; samples: number }[],
    now: Date,
  ): Promise<void> {
    if (changes.length === 0) {
      return;
    }
    await this.dataSource.query(
      `INSERT INTO bias_adaptive_config_history (config_key, old_value, new_value, reason, created_at)
       SELECT c.key, jsonb_build_object('value', c.old_value), jsonb_build_object('value', c.new_value, 'samples', c.samples),
              c.reason, $2
         FROM jsonb_to_recordset($1::jsonb) AS c(key text, old_value float8, new_value float8, reason text, samples int)`,
      [
        JSON.stringify(
          changes.map((c) => ({
            key: c.key,
            old_value: c.oldValue,
            new_value: c.newValue,
            reason: c.reason,
            samples: c.samples,
          })),
        ),
        now,
      ],
    );
  }
}

function round(value: number | null | undefined, dp: number): number | null {
  return value === null || value === undefined || !Number.isFinite(value) ? null : Number(value.toFixed(dp));
}

function outcomeOf(row: ClosedRow): TradeOutcome {
  const facts: ClosedPositionFacts = {
    positionId: row.position_id,
    signalId: row.signal_id,
    symbol: row.symbol,
    direction: row.direction ?? (row.type === 'call' ? 'long' : 'short'),
    engine: row.engine,
    source: row.source,
    entryPrice: row.entry_price,
    entryQuantity: row.opened_quantity,
    realizedPnl: row.realized_pnl ?? '0',
    entryAtMs: row.entry_timestamp.getTime(),
    exitAtMs: (row.exit_timestamp ?? row.entry_timestamp).getTime(),
    exitReason: row.exit_reason,
    entryBiasScore: row.entry_bias_score,
    entryMacroClass: row.entry_macro_class,
    entryRegime: row.entry_regime_type,
    entryIntent: row.entry_mode_hint,
    entryAcceleration: row.entry_acceleration_state_strength_delta,
    slippage: row.slippage,
    entryConfidence: row.entry_confidence,
  };
  return buildTradeOutcome(facts);
}
