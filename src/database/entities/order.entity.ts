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
  UpdateDateColumn,
} from 'typeorm';
import type { Engine, OptionType, OrderIntent, OrderStatus, OrderType } from './domain.types';
import { Position } from './position.entity';
import { Signal } from './signal.entity';

/**
 * An order to open (from an approved signal) or close (from an exit) a position.
 * Lifecycle: pending_execution -> filled | failed.
 * Uniqueness: one opening order per (signal, engine, order_type); one live closing order per position.
 */
@Entity({ name: 'orders' })
@Check('chk_orders_intent', `"intent" IN ('open', 'close')`)
@Check('chk_orders_close_position', `"intent" = 'open' OR "position_id" IS NOT NULL`)
@Check('chk_orders_type', `"type" IN ('call', 'put')`)
@Check('chk_orders_quantity', `"quantity" > 0`)
@Check('chk_orders_order_type', `"order_type" IN ('paper', 'live')`)
@Check('chk_orders_status', `"status" IN ('pending_execution', 'filled', 'failed')`)
@Check('chk_orders_engine', `"engine" IN ('A', 'B')`)
@Index('idx_orders_status', ['status'])
@Index('idx_orders_signal_id', ['signalId'])
@Index('idx_orders_symbol', ['symbol'])
@Index('idx_orders_order_type', ['orderType'])
@Index('idx_orders_position_id', ['positionId'])
@Index('idx_orders_trace_id', ['traceId'])
@Index('uq_orders_open_per_signal_engine_type', ['signalId', 'engine', 'orderType'], {
  unique: true,
  where: `"intent" = 'open' AND "signal_id" IS NOT NULL`,
})
@Index('uq_orders_live_close_per_position', ['positionId'], {
  unique: true,
  where: `"intent" = 'close' AND "status" = 'pending_execution'`,
})
@Index('idx_orders_outbox', ['createdAt'], { where: `"status" = 'pending_execution'` })
export class Order {
  @PrimaryGeneratedColumn('uuid', { name: 'order_id', primaryKeyConstraintName: 'pk_orders' })
  orderId: string;

  /** The signal behind an opening order; null for exits that no signal triggered. */
  @Column({ name: 'signal_id', type: 'uuid', nullable: true })
  signalId: string | null;

  @ManyToOne(() => Signal, { nullable: true })
  @JoinColumn({ name: 'signal_id', foreignKeyConstraintName: 'fk_orders_signal_id' })
  signal?: Relation<Signal> | null;

  /** The position a closing order closes (required when intent = 'close'). */
  @Column({ name: 'position_id', type: 'uuid', nullable: true })
  positionId: string | null;

  @ManyToOne(() => Position, { nullable: true })
  @JoinColumn({ name: 'position_id', foreignKeyConstraintName: 'fk_orders_position_id' })
  position?: Relation<Position> | null;

  @Column({ name: 'intent', type: 'varchar', length: 10, default: 'open' })
  intent: OrderIntent;

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

  @Column({ name: 'order_type', type: 'varchar', length: 20, default: 'paper' })
  orderType: OrderType;

  @Column({ name: 'status', type: 'varchar', length: 20, default: 'pending_execution' })
  status: OrderStatus;

  @Column({ name: 'engine', type: 'varchar', length: 1 })
  engine: Engine;

  @Column({ name: 'experiment_id', type: 'uuid', nullable: true })
  experimentId: string | null;

  @Column({ name: 'failure_reason', type: 'text', nullable: true })
  failureReason: string | null;

  /** The option mid the decision saw (opening orders), for slippage from decision to fill. */
  @Column({ name: 'decision_mid', type: 'numeric', precision: 12, scale: 4, nullable: true })
  decisionMid: string | null;

  /** Why a closing order was sent (exit rule code, exit_signal, manual, expired, ...). */
  @Column({ name: 'exit_reason', type: 'text', nullable: true })
  exitReason: string | null;

  /** The trace id: the request id of the webhook call that started it (signals.request_id). */
  @Column({ name: 'trace_id', type: 'uuid', nullable: true })
  traceId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
