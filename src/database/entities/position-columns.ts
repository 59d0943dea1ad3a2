import { Column, CreateDateColumn } from 'typeorm';
import type { Direction, Engine, OptionType, PositionStatus } from './domain.types';
import type { JsonObject } from './json.types';

/**
 * Columns shared by `positions` and `shadow_positions` (the spec: shadow_positions mirrors positions).
 * Prices are NUMERIC(12,4) and P&L NUMERIC(12,2), read as decimal strings: compute with decimal.js.
 */
export abstract class PositionColumns {
  @Column({ name: 'signal_id', type: 'uuid', nullable: true })
  signalId: string | null;

  @Column({ name: 'symbol', type: 'varchar', length: 20 })
  symbol: string;

  /** OCC option symbol, e.g. SPY260220C00596000. */
  @Column({ name: 'option_symbol', type: 'varchar', length: 50 })
  optionSymbol: string;

  @Column({ name: 'strike', type: 'numeric', precision: 10, scale: 2 })
  strike: string;

  /** DATE: 'YYYY-MM-DD'. */
  @Column({ name: 'expiration', type: 'date' })
  expiration: string;

  @Column({ name: 'type', type: 'varchar', length: 10 })
  type: OptionType;

  /** The signal's side (long = bought calls, short = bought puts); null when unknown. */
  @Column({ name: 'direction', type: 'varchar', length: 10, nullable: true })
  direction: Direction | null;

  /** Contracts still held (a partial exit reduces it). */
  @Column({ name: 'quantity', type: 'integer' })
  quantity: number;

  @Column({ name: 'entry_price', type: 'numeric', precision: 12, scale: 4 })
  entryPrice: string;

  @Column({ name: 'current_price', type: 'numeric', precision: 12, scale: 4, nullable: true })
  currentPrice: string | null;

  /** Contracts the live closing order closes (all of them, or a partial exit); null while no close is under way. */
  @Column({ name: 'closing_quantity', type: 'integer', nullable: true })
  closingQuantity: number | null;

  /** The bias state at entry (direction, score, confidence, regime, chop) the exit intelligence compares against. */
  @Column({ name: 'entry_bias', type: 'jsonb', nullable: true })
  entryBias: JsonObject | null;

  /** Exit bookkeeping: partial exits already taken (codes), whether the stop was tightened. */
  @Column({ name: 'exit_state', type: 'jsonb', nullable: true })
  exitState: JsonObject | null;

  /** Highest mark since entry, for trailing stops. */
  @Column({ name: 'high_water_price', type: 'numeric', precision: 12, scale: 4, nullable: true })
  highWaterPrice: string | null;

  @Column({ name: 'unrealized_pnl', type: 'numeric', precision: 12, scale: 2, nullable: true })
  unrealizedPnl: string | null;

  @Column({ name: 'realized_pnl', type: 'numeric', precision: 12, scale: 2, nullable: true })
  realizedPnl: string | null;

  @Column({ name: 'status', type: 'varchar', length: 20, default: 'open' })
  status: PositionStatus;

  @Column({ name: 'entry_timestamp', type: 'timestamptz' })
  entryTimestamp: Date;

  @Column({ name: 'exit_timestamp', type: 'timestamptz', nullable: true })
  exitTimestamp: Date | null;

  /** Exit reason code (profit_target, stop_loss, manual, expired, ...). */
  @Column({ name: 'exit_reason', type: 'text', nullable: true })
  exitReason: string | null;

  @Column({ name: 'engine', type: 'varchar', length: 1 })
  engine: Engine;

  @Column({ name: 'experiment_id', type: 'uuid', nullable: true })
  experimentId: string | null;

  @Column({ name: 'entry_bias_score', type: 'numeric', nullable: true })
  entryBiasScore: string | null;

  @Column({ name: 'entry_regime_type', type: 'varchar', length: 50, nullable: true })
  entryRegimeType: string | null;

  /** BREAKOUT, PULLBACK, ... */
  @Column({ name: 'entry_mode_hint', type: 'varchar', length: 50, nullable: true })
  entryModeHint: string | null;

  @Column({ name: 'entry_macro_class', type: 'varchar', length: 50, nullable: true })
  entryMacroClass: string | null;

  @Column({ name: 'entry_acceleration_state_strength_delta', type: 'numeric', nullable: true })
  entryAccelerationStateStrengthDelta: string | null;

  @Column({ name: 'position_pnl_percent', type: 'numeric', nullable: true })
  positionPnlPercent: string | null;

  /** Last mark or state change, by the platform clock. */
  @Column({ name: 'last_updated', type: 'timestamptz', nullable: true })
  lastUpdated: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
