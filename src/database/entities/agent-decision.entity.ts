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
import type { AgentBias, AgentType } from './domain.types';
import { Experiment } from './experiment.entity';
import type { JsonObject } from './json.types';
import { Signal } from './signal.entity';

/** One Engine B agent's output for one signal. Unique per (signal, agent): a retried decision cannot double-count. */
@Entity({ name: 'agent_decisions' })
@Unique('uq_agent_decisions_signal_agent', ['signalId', 'agentName'])
@Check('chk_agent_decisions_agent_type', `"agent_type" IN ('core', 'specialist', 'subagent')`)
@Check('chk_agent_decisions_bias', `"bias" IN ('bullish', 'bearish', 'neutral')`)
@Check('chk_agent_decisions_confidence', `"confidence" BETWEEN 0 AND 100`)
@Index('idx_agent_decisions_experiment_id', ['experimentId'])
export class AgentDecision {
  @PrimaryGeneratedColumn('uuid', { name: 'decision_id', primaryKeyConstraintName: 'pk_agent_decisions' })
  decisionId: string;

  @Column({ name: 'experiment_id', type: 'uuid', nullable: true })
  experimentId: string | null;

  @ManyToOne(() => Experiment, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'experiment_id', foreignKeyConstraintName: 'fk_agent_decisions_experiment_id' })
  experiment?: Relation<Experiment> | null;

  @Column({ name: 'signal_id', type: 'uuid' })
  signalId: string;

  @ManyToOne(() => Signal, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'signal_id', foreignKeyConstraintName: 'fk_agent_decisions_signal_id' })
  signal?: Relation<Signal>;

  @Column({ name: 'agent_name', type: 'varchar', length: 50 })
  agentName: string;

  @Column({ name: 'agent_type', type: 'varchar', length: 20 })
  agentType: AgentType;

  @Column({ name: 'bias', type: 'varchar', length: 20 })
  bias: AgentBias;

  /** 0-100. */
  @Column({ name: 'confidence', type: 'integer' })
  confidence: number;

  /** Reason codes. */
  @Column({ name: 'reasons', type: 'jsonb', default: () => "'[]'" })
  reasons: string[];

  /** Veto. */
  @Column({ name: 'block', type: 'boolean', default: false })
  block: boolean;

  @Column({ name: 'metadata', type: 'jsonb', nullable: true })
  metadata: JsonObject | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
