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
import type { Engine, OrderIntent } from './domain.types';
import { Position } from './position.entity';
import { Order } from './order.entity';

/** The fill of an order. Exactly one per order (UNIQUE order_id). */
@Entity({ name: 'trades' })
@Unique('uq_trades_order', ['orderId'])
@Check('chk_trades_fill_price', `"fill_price" >= 0`)
@Check('chk_trades_fill_quantity', `"fill_quantity" > 0`)
@Check('chk_trades_engine', `"engine" IN ('A', 'B')`)
@Check('chk_trades_intent', `"intent" IN ('open', 'close')`)
@Index('idx_trades_position_id', ['positionId'])
@Index('idx_trades_trace_id', ['traceId'])
@Index('idx_trades_fill_timestamp', ['fillTimestamp'])
export class Trade {
  @PrimaryGeneratedColumn('uuid', { name: 'trade_id', primaryKeyConstraintName: 'pk_trades' })
  tradeId: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @ManyToOne(() => Order, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id', foreignKeyConstraintName: 'fk_trades_order_id' })
  order?: Relation<Order>;

  /** Per-contract premium. NUMERIC(12,4): a decimal string. */
  @Column({ name: 'fill_price', type: 'numeric', precision: 12, scale: 4 })
  fillPrice: string;

  @Column({ name: 'fill_quantity', type: 'integer' })
  fillQuantity: number;

  @Column({ name: 'fill_timestamp', type: 'timestamptz' })
  fillTimestamp: Date;

  @Column({ name: 'commission', type: 'numeric', precision: 10, scale: 2, default: 0 })
  commission: string;

  @Column({ name: 'engine', type: 'varchar', length: 1, nullable: true })
  engine: Engine | null;

  @Column({ name: 'intent', type: 'varchar', length: 10, default: 'open' })
  intent: OrderIntent;

  /** The position the fill opened, added to or closed. */
  @Column({ name: 'position_id', type: 'uuid', nullable: true })
  positionId: string | null;

  @ManyToOne(() => Position, { nullable: true })
  @JoinColumn({ name: 'position_id', foreignKeyConstraintName: 'fk_trades_position_id' })
  position?: Relation<Position> | null;

  @Column({ name: 'fees', type: 'numeric', precision: 10, scale: 2, default: 0 })
  fees: string;

  /** The option quote the fill was priced against. */
  @Column({ name: 'quote_bid', type: 'numeric', precision: 12, scale: 4, nullable: true })
  quoteBid: string | null;

  @Column({ name: 'quote_ask', type: 'numeric', precision: 12, scale: 4, nullable: true })
  quoteAsk: string | null;

  @Column({ name: 'quote_mid', type: 'numeric', precision: 12, scale: 4, nullable: true })
  quoteMid: string | null;

  /** The mid the decision saw (orders.decision_mid), for slippage from decision to fill. */
  @Column({ name: 'decision_mid', type: 'numeric', precision: 12, scale: 4, nullable: true })
  decisionMid: string | null;

  /** Fill minus mid per share, adverse positive. */
  @Column({ name: 'slippage', type: 'numeric', precision: 12, scale: 4, nullable: true })
  slippage: string | null;

  /** A closing fill's realized P&L (net of its costs). */
  @Column({ name: 'realized_pnl', type: 'numeric', precision: 12, scale: 2, nullable: true })
  realizedPnl: string | null;

  @Column({ name: 'fill_model', type: 'varchar', length: 10, nullable: true })
  fillModel: string | null;

  /** The trace id: the request id of the webhook call that started it (signals.request_id). */
  @Column({ name: 'trace_id', type: 'uuid', nullable: true })
  traceId: string | null;

  @Column({ name: 'experiment_id', type: 'uuid', nullable: true })
  experimentId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
