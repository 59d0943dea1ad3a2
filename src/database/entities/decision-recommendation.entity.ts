import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';
import type { Direction, Engine } from './domain.types';
import { Experiment } from './experiment.entity';
import type { JsonObject } from './json.types';
import { Signal } from './signal.entity';

/** An engine's recommendation for an experiment, kept for audit. Upserted on (experiment_id, engine). */
@Entity({ name: 'decision_recommendations' })
@Check('chk_decision_recommendations_engine', `"engine" IN ('A', 'B')`)
@Check('chk_decision_recommendations_direction', `"direction" IN ('long', 'short')`)
@Check('chk_decision_recommendations_quantity', `"quantity" >= 0`)
@Index('idx_decision_recommendations_signal_id', ['signalId'])
export class DecisionRecommendation {
  @PrimaryColumn({ name: 'experiment_id', type: 'uuid', primaryKeyConstraintName: 'pk_decision_recommendations' })
  experimentId: string;

  @PrimaryColumn({
    name: 'engine',
    type: 'varchar',
    length: 1,
    primaryKeyConstraintName: 'pk_decision_recommendations',
  })
  engine: Engine;

  @ManyToOne(() => Experiment, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'experiment_id', foreignKeyConstraintName: 'fk_decision_recommendations_experiment_id' })
  experiment?: Relation<Experiment>;

  @Column({ name: 'signal_id', type: 'uuid' })
  signalId: string;

  @ManyToOne(() => Signal, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'signal_id', foreignKeyConstraintName: 'fk_decision_recommendations_signal_id' })
  signal?: Relation<Signal>;

  @Column({ name: 'symbol', type: 'varchar', length: 20 })
  symbol: string;

  @Column({ name: 'direction', type: 'varchar', length: 10, nullable: true })
  direction: Direction | null;

  @Column({ name: 'timeframe', type: 'varchar', length: 10, nullable: true })
  timeframe: string | null;

  /** Null when the engine recommends no trade. */
  @Column({ name: 'strike', type: 'numeric', precision: 10, scale: 2, nullable: true })
  strike: string | null;

  /** DATE: 'YYYY-MM-DD'. */
  @Column({ name: 'expiration', type: 'date', nullable: true })
  expiration: string | null;

  @Column({ name: 'quantity', type: 'integer', nullable: true })
  quantity: number | null;

  @Column({ name: 'entry_price', type: 'numeric', precision: 12, scale: 4, nullable: true })
  entryPrice: string | null;

  @Column({ name: 'is_shadow', type: 'boolean', default: false })
  isShadow: boolean;

  /** Full enrichment, risk and gamma data behind the recommendation. */
  @Column({ name: 'rationale', type: 'jsonb', nullable: true })
  rationale: JsonObject | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
