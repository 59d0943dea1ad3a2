import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  Unique,
} from 'typeorm';
import type { Variant } from './domain.types';
import { Signal } from './signal.entity';

/** A/B assignment of one signal to an engine (deterministic hash). One per signal. */
@Entity({ name: 'experiments' })
@Unique('uq_experiments_signal', ['signalId'])
@Check('chk_experiments_variant', `"variant" IN ('A', 'B')`)
@Check('chk_experiments_split_percentage', `"split_percentage" BETWEEN 0 AND 100`)
export class Experiment {
  @PrimaryGeneratedColumn('uuid', { name: 'experiment_id', primaryKeyConstraintName: 'pk_experiments' })
  experimentId: string;

  @Column({ name: 'signal_id', type: 'uuid' })
  signalId: string;

  @ManyToOne(() => Signal, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'signal_id', foreignKeyConstraintName: 'fk_experiments_signal_id' })
  signal?: Relation<Signal>;

  @Column({ name: 'variant', type: 'varchar', length: 1 })
  variant: Variant;

  @Column({ name: 'assignment_hash', type: 'varchar', length: 64 })
  assignmentHash: string;

  /** Percentage of signals routed to engine B when this assignment was made (0-100). */
  @Column({ name: 'split_percentage', type: 'integer' })
  splitPercentage: number;

  @Column({ name: 'policy_version', type: 'varchar', length: 20 })
  policyVersion: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
