import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { PositionColumns } from './position-columns';
import { Signal } from './signal.entity';

/**
 * An option position (spec: `refactored_positions`). Lifecycle: open -> closing (exit order live) -> closed.
 * At most one non-closed position per (option_symbol, engine).
 */
@Entity({ name: 'positions' })
@Check('chk_positions_type', `"type" IN ('call', 'put')`)
@Check('chk_positions_direction', `"direction" IN ('long', 'short')`)
@Check('chk_positions_quantity', `"quantity" > 0`)
@Check(
  'chk_positions_closing_quantity',
  `"closing_quantity" IS NULL OR ("closing_quantity" > 0 AND "closing_quantity" <= "quantity")`,
)
@Check('chk_positions_status', `"status" IN ('open', 'closing', 'closed')`)
@Check('chk_positions_engine', `"engine" IN ('A', 'B')`)
@Index('idx_positions_status', ['status'])
@Index('idx_positions_symbol', ['symbol'])
@Index('idx_positions_expiration', ['expiration'])
@Index('idx_positions_trace_id', ['traceId'])
@Index('uq_positions_active_option_engine', ['optionSymbol', 'engine'], {
  unique: true,
  where: `"status" <> 'closed'`,
})
export class Position extends PositionColumns {
  @PrimaryGeneratedColumn('uuid', { name: 'position_id', primaryKeyConstraintName: 'pk_positions' })
  positionId: string;

  /** The trace id: the request id of the webhook call that started it (signals.request_id). */
  @Column({ name: 'trace_id', type: 'uuid', nullable: true })
  traceId: string | null;

  @ManyToOne(() => Signal, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'signal_id', foreignKeyConstraintName: 'fk_positions_signal_id' })
  signal?: Relation<Signal> | null;
}
