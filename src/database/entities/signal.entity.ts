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
import type { Direction, SignalAction, SignalStatus } from './domain.types';
import { Experiment } from './experiment.entity';
import type { JsonObject } from './json.types';

/** A normalized TradingView alert. Lifecycle: pending -> (queued ->) approved | rejected. */
@Entity({ name: 'signals' })
@Check('chk_signals_action', `"action" IN ('entry', 'exit', 'cancel', 'add')`)
@Check('chk_signals_direction', `"direction" IN ('long', 'short')`)
@Check('chk_signals_entry_direction', `"action" <> 'entry' OR "direction" IS NOT NULL`)
@Check('chk_signals_status', `"status" IN ('pending', 'queued', 'approved', 'rejected')`)
@Check('chk_signals_processing_attempts', `"processing_attempts" >= 0`)
@Index('idx_signals_status', ['status'])
@Index('idx_signals_created_at', ['createdAt'])
@Index('idx_signals_symbol', ['symbol'])
@Index('idx_signals_timestamp', ['timestamp'])
@Index('idx_signals_dedup_key_received_at', ['dedupKey', 'receivedAt'])
@Index('idx_signals_outbox', ['createdAt'], { where: `"status" IN ('pending', 'queued')` })
@Index('idx_signals_experiment_id', ['experimentId'])
@Index('idx_signals_request_id', ['requestId'])
export class Signal {
  @PrimaryGeneratedColumn('uuid', { name: 'signal_id', primaryKeyConstraintName: 'pk_signals' })
  signalId: string;

  @Column({ name: 'symbol', type: 'varchar', length: 20 })
  symbol: string;

  @Column({ name: 'exchange', type: 'varchar', length: 20, nullable: true })
  exchange: string | null;

  @Column({ name: 'action', type: 'varchar', length: 10 })
  action: SignalAction;

  /** Required for entries (CHECK); for exits the side closed when known. */
  @Column({ name: 'direction', type: 'varchar', length: 10, nullable: true })
  direction: Direction | null;

  /** Canonical timeframe, or the literal 'unknown'. */
  @Column({ name: 'timeframe', type: 'varchar', length: 10 })
  timeframe: string;

  /** The alert's own time (or the receipt time when the alert carried none). */
  @Column({ name: 'timestamp', type: 'timestamptz' })
  timestamp: Date;

  /** Underlying price the alert reported, if any. NUMERIC: a decimal string. */
  @Column({ name: 'price', type: 'numeric', precision: 18, scale: 6, nullable: true })
  price: string | null;

  @Column({ name: 'status', type: 'varchar', length: 20, default: 'pending' })
  status: SignalStatus;

  /** Engines run and decisions are stored, but no order is created (market closed). */
  @Column({ name: 'decision_only', type: 'boolean', default: false })
  decisionOnly: boolean;

  /** The parsed body, secrets redacted; a non-JSON body is stored as {"_text": "..."}. */
  @Column({ name: 'raw_payload', type: 'jsonb', nullable: true })
  rawPayload: JsonObject | null;

  @Column({ name: 'signal_hash', type: 'varchar', length: 64, nullable: true })
  signalHash: string | null;

  /** Hash of the normalized identity of the alert; duplicates are looked up on (dedup_key, received_at). */
  @Column({ name: 'dedup_key', type: 'varchar', length: 64 })
  dedupKey: string;

  @Column({ name: 'request_id', type: 'uuid', nullable: true })
  requestId: string | null;

  @Column({ name: 'is_test', type: 'boolean', default: false })
  isTest: boolean;

  @Column({ name: 'test_session_id', type: 'varchar', length: 128, nullable: true })
  testSessionId: string | null;

  @Column({ name: 'test_scenario', type: 'varchar', length: 128, nullable: true })
  testScenario: string | null;

  @Column({ name: 'rejection_reason', type: 'text', nullable: true })
  rejectionReason: string | null;

  @Column({ name: 'processed', type: 'boolean', default: false })
  processed: boolean;

  @Column({ name: 'experiment_id', type: 'uuid', nullable: true })
  experimentId: string | null;

  @ManyToOne(() => Experiment, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'experiment_id', foreignKeyConstraintName: 'fk_signals_experiment_id' })
  experiment?: Relation<Experiment> | null;

  @Column({ name: 'meta_gamma', type: 'jsonb', nullable: true })
  metaGamma: JsonObject | null;

  @Column({ name: 'queued_until', type: 'timestamptz', nullable: true })
  queuedUntil: Date | null;

  @Column({ name: 'queued_at', type: 'timestamptz', nullable: true })
  queuedAt: Date | null;

  @Column({ name: 'queue_reason', type: 'varchar', length: 100, nullable: true })
  queueReason: string | null;

  @Column({ name: 'processing_attempts', type: 'integer', default: 0 })
  processingAttempts: number;

  @Column({ name: 'next_retry_at', type: 'timestamptz', nullable: true })
  nextRetryAt: Date | null;

  /** Receipt time by the platform clock; the dedup window is measured on it. No default: the clock sets it. */
  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
