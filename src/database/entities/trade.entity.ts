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
import type { Engine } from './domain.types';
import { Order } from './order.entity';

/** The fill of an order. Exactly one per order (UNIQUE order_id). */
@Entity({ name: 'trades' })
@Unique('uq_trades_order', ['orderId'])
@Check('chk_trades_fill_price', `"fill_price" >= 0`)
@Check('chk_trades_fill_quantity', `"fill_quantity" > 0`)
@Check('chk_trades_engine', `"engine" IN ('A', 'B')`)
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

  @Column({ name: 'experiment_id', type: 'uuid', nullable: true })
  experimentId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
