import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { Direction, TradeOutcomeSource } from './domain.types';

/**
 * The outcome of a closed position with the bias state at entry. `position_id` refers to `positions` (source
 * 'live') or `shadow_positions` (source 'shadow'), so it carries no foreign key; one outcome per position and source.
 */
@Entity({ name: 'bias_trade_performance' })
@Unique('uq_bias_trade_performance_position_source', ['positionId', 'source'])
@Check('chk_bias_trade_performance_direction', `"direction" IN ('long', 'short')`)
@Check('chk_bias_trade_performance_source', `"source" IN ('live', 'simulation', 'shadow')`)
@Index('idx_bias_trade_performance_symbol', ['symbol'])
@Index('idx_bias_trade_performance_created_at', ['createdAt'])
export class BiasTradePerformance {
  @PrimaryGeneratedColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_bias_trade_performance' })
  id: string;

  @Column({ name: 'position_id', type: 'uuid', nullable: true })
  positionId: string | null;

  @Column({ name: 'symbol', type: 'varchar', length: 20 })
  symbol: string;

  @Column({ name: 'direction', type: 'varchar', length: 10, nullable: true })
  direction: Direction | null;

  /** Risk-adjusted P&L (R multiple). NUMERIC: a decimal string. */
  @Column({ name: 'pnl_r', type: 'numeric', nullable: true })
  pnlR: string | null;

  @Column({ name: 'pnl_percent', type: 'numeric', nullable: true })
  pnlPercent: string | null;

  @Column({ name: 'duration_minutes', type: 'integer', nullable: true })
  durationMinutes: number | null;

  @Column({ name: 'entry_bias_score', type: 'numeric', nullable: true })
  entryBiasScore: string | null;

  @Column({ name: 'entry_macro_class', type: 'varchar', length: 50, nullable: true })
  entryMacroClass: string | null;

  @Column({ name: 'entry_regime', type: 'varchar', length: 50, nullable: true })
  entryRegime: string | null;

  /** Entry mode hint (BREAKOUT, PULLBACK, ...). */
  @Column({ name: 'entry_intent', type: 'varchar', length: 50, nullable: true })
  entryIntent: string | null;

  @Column({ name: 'entry_acceleration', type: 'numeric', nullable: true })
  entryAcceleration: string | null;

  @Column({ name: 'exit_reason_codes', type: 'text', array: true, default: () => "'{}'" })
  exitReasonCodes: string[];

  @Column({ name: 'source', type: 'varchar', length: 20, default: 'live' })
  source: TradeOutcomeSource;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
