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
import type { Engine, ExecutionMode } from './domain.types';
import { Experiment } from './experiment.entity';

/** How an experiment's decisions are executed: which engine trades for real, which one shadows. One per experiment. */
@Entity({ name: 'execution_policies' })
@Unique('uq_execution_policies_experiment', ['experimentId'])
@Check(
  'chk_execution_policies_execution_mode',
  `"execution_mode" IN ('SHADOW_ONLY', 'ENGINE_A_PRIMARY', 'ENGINE_B_PRIMARY', 'SPLIT_CAPITAL')`,
)
@Check('chk_execution_policies_executed_engine', `"executed_engine" IN ('A', 'B')`)
@Check('chk_execution_policies_shadow_engine', `"shadow_engine" IN ('A', 'B')`)
export class ExecutionPolicy {
  @PrimaryGeneratedColumn('uuid', { name: 'policy_id', primaryKeyConstraintName: 'pk_execution_policies' })
  policyId: string;

  @Column({ name: 'experiment_id', type: 'uuid' })
  experimentId: string;

  @ManyToOne(() => Experiment, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'experiment_id', foreignKeyConstraintName: 'fk_execution_policies_experiment_id' })
  experiment?: Relation<Experiment>;

  @Column({ name: 'execution_mode', type: 'varchar', length: 30 })
  executionMode: ExecutionMode;

  /** Null when no engine trades (SHADOW_ONLY). */
  @Column({ name: 'executed_engine', type: 'varchar', length: 1, nullable: true })
  executedEngine: Engine | null;

  @Column({ name: 'shadow_engine', type: 'varchar', length: 1, nullable: true })
  shadowEngine: Engine | null;

  @Column({ name: 'reason', type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'policy_version', type: 'varchar', length: 20 })
  policyVersion: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
