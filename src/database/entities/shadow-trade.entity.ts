import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  Unique,
} from 'typeorm';
import type { Engine, OptionType } from './domain.types';
import { Experiment } from './experiment.entity';
import type { JsonObject } from './json.types';
import { Signal } from './signal.entity';

/** A simulated entry by the engine that did not trade for real. One per (experiment, engine). */
@Entity({ name: 'shadow_trades' })
@Unique('uq_shadow_trades_experiment_engine', ['experimentId', 'engine'])
@Check('chk_shadow_trades_engine', `"engine" IN ('A', 'B')`)
@Check('chk_shadow_trades_type', `"type" IN ('call', 'put')`)
@Check('chk_shadow_trades_quantity', `"quantity" > 0`)
@Check('chk_shadow_trades_meta_confidence', `"meta_confidence" BETWEEN 0 AND 100`)
@Index('idx_shadow_trades_signal_id', ['signalId'])
export class ShadowTrade {
  @PrimaryGeneratedColumn('uuid', { name: 'shadow_trade_id', primaryKeyConstraintName: 'pk_shadow_trades' })
  shadowTradeId: string;

  @Column({ name: 'experiment_id', type: 'uuid' })
  experimentId: string;

  @ManyToOne(() => Experiment, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'experiment_id', foreignKeyConstraintName: 'fk_shadow_trades_experiment_id' })
  experiment?: Relation<Experiment>;

  @Column({ name: 'signal_id', type: 'uuid' })
  signalId: string;

  @ManyToOne(() => Signal, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'signal_id', foreignKeyConstraintName: 'fk_shadow_trades_signal_id' })
  signal?: Relation<Signal>;

  /** The shadowing engine. */
  @Column({ name: 'engine', type: 'varchar', length: 1 })
  engine: Engine;

  @Column({ name: 'symbol', type: 'varchar', length: 20 })
  symbol: string;

  @Column({ name: 'option_symbol', type: 'varchar', length: 50 })
  optionSymbol: string;

  @Column({ name: 'strike', type: 'numeric', precision: 10, scale: 2 })
  strike: string;

  /** DATE: 'YYYY-MM-DD'. */
  @Column({ name: 'expiration', type: 'date' })
  expiration: string;

  @Column({ name: 'type', type: 'varchar', length: 10 })
  type: OptionType;

  @Column({ name: 'quantity', type: 'integer' })
  quantity: number;

  @Column({ name: 'entry_price', type: 'numeric', precision: 12, scale: 4 })
  entryPrice: string;

  @Column({ name: 'entry_timestamp', type: 'timestamptz' })
  entryTimestamp: Date;

  /** Agent names. */
  @Column({ name: 'contributing_agents', type: 'jsonb', default: () => "'[]'" })
  contributingAgents: string[];

  /** 0-100. */
  @Column({ name: 'meta_confidence', type: 'integer', nullable: true })
  metaConfidence: number | null;

  /** Gamma strategy data. */
  @Column({ name: 'dealer_decision', type: 'jsonb', nullable: true })
  dealerDecision: JsonObject | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
