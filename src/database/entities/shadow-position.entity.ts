import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  Unique,
} from 'typeorm';
import { PositionColumns } from './position-columns';
import { ShadowTrade } from './shadow-trade.entity';
import { Signal } from './signal.entity';

/** A simulated position opened by a shadow trade; the columns of `positions`. One per shadow trade. */
@Entity({ name: 'shadow_positions' })
@Unique('uq_shadow_positions_shadow_trade', ['shadowTradeId'])
@Check('chk_shadow_positions_type', `"type" IN ('call', 'put')`)
@Check('chk_shadow_positions_direction', `"direction" IN ('long', 'short')`)
@Check('chk_shadow_positions_quantity', `"quantity" > 0`)
@Check(
  'chk_shadow_positions_closing_quantity',
  `"closing_quantity" IS NULL OR ("closing_quantity" > 0 AND "closing_quantity" <= "quantity")`,
)
@Check('chk_shadow_positions_status', `"status" IN ('open', 'closing', 'closed')`)
@Check('chk_shadow_positions_engine', `"engine" IN ('A', 'B')`)
@Index('idx_shadow_positions_status', ['status'])
@Index('idx_shadow_positions_symbol', ['symbol'])
@Index('idx_shadow_positions_expiration', ['expiration'])
export class ShadowPosition extends PositionColumns {
  @PrimaryGeneratedColumn('uuid', { name: 'shadow_position_id', primaryKeyConstraintName: 'pk_shadow_positions' })
  shadowPositionId: string;

  @Column({ name: 'shadow_trade_id', type: 'uuid' })
  shadowTradeId: string;

  @ManyToOne(() => ShadowTrade, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'shadow_trade_id', foreignKeyConstraintName: 'fk_shadow_positions_shadow_trade_id' })
  shadowTrade?: Relation<ShadowTrade>;

  @ManyToOne(() => Signal, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'signal_id', foreignKeyConstraintName: 'fk_shadow_positions_signal_id' })
  signal?: Relation<Signal> | null;
}
