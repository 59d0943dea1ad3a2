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
} from 'typeorm';
import type { SignalAction, Variant, WebhookEventStatus } from './domain.types';
import { Experiment } from './experiment.entity';
import type { JsonObject } from './json.types';
import { Signal } from './signal.entity';

/**
 * One row per webhook request, whatever its outcome. Text columns have the spec's widths: the writer truncates
 * what an invalid payload carries (symbol, timeframe, ...) so logging the event never fails.
 */
@Entity({ name: 'webhook_events' })
@Check('chk_webhook_events_variant', `"variant" IN ('A', 'B')`)
@Check(
  'chk_webhook_events_status',
  `"status" IN ('accepted', 'duplicate', 'invalid_signature', 'invalid_payload', 'forbidden', 'error')`,
)
@Index('idx_webhook_events_created_at', ['createdAt'])
@Index('idx_webhook_events_status', ['status'])
@Index('idx_webhook_events_variant', ['variant'])
@Index('idx_webhook_events_signal_id', ['signalId'])
@Index('idx_webhook_events_request_id', ['requestId'])
export class WebhookEvent {
  @PrimaryGeneratedColumn('uuid', { name: 'event_id', primaryKeyConstraintName: 'pk_webhook_events' })
  eventId: string;

  @Column({ name: 'request_id', type: 'uuid', nullable: true })
  requestId: string | null;

  @Column({ name: 'signal_id', type: 'uuid', nullable: true })
  signalId: string | null;

  @ManyToOne(() => Signal, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'signal_id', foreignKeyConstraintName: 'fk_webhook_events_signal_id' })
  signal?: Relation<Signal> | null;

  @Column({ name: 'experiment_id', type: 'uuid', nullable: true })
  experimentId: string | null;

  @ManyToOne(() => Experiment, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'experiment_id', foreignKeyConstraintName: 'fk_webhook_events_experiment_id' })
  experiment?: Relation<Experiment> | null;

  @Column({ name: 'variant', type: 'varchar', length: 1, nullable: true })
  variant: Variant | null;

  @Column({ name: 'status', type: 'varchar', length: 30 })
  status: WebhookEventStatus;

  /** Machine-readable reason (e.g. missing_symbol, payload_too_large, ip_not_allowed). */
  @Column({ name: 'reason_code', type: 'varchar', length: 50, nullable: true })
  reasonCode: string | null;

  @Column({ name: 'error_message', type: 'text', nullable: true })
  errorMessage: string | null;

  /** Field errors or other structured detail. */
  @Column({ name: 'error_details', type: 'jsonb', nullable: true })
  errorDetails: JsonObject | unknown[] | null;

  @Column({ name: 'symbol', type: 'varchar', length: 20, nullable: true })
  symbol: string | null;

  /** Normalized action when known; free text is not stored here. */
  @Column({ name: 'action', type: 'varchar', length: 10, nullable: true })
  action: SignalAction | null;

  @Column({ name: 'direction', type: 'varchar', length: 10, nullable: true })
  direction: string | null;

  @Column({ name: 'timeframe', type: 'varchar', length: 10, nullable: true })
  timeframe: string | null;

  @Column({ name: 'exchange', type: 'varchar', length: 20, nullable: true })
  exchange: string | null;

  @Column({ name: 'processing_time_ms', type: 'integer', nullable: true })
  processingTimeMs: number | null;

  @Column({ name: 'http_status', type: 'smallint', nullable: true })
  httpStatus: number | null;

  /** Redacted, truncated (32 KB) body; a non-JSON body is stored as {"_text": "..."}. */
  @Column({ name: 'raw_payload', type: 'jsonb', nullable: true })
  rawPayload: JsonObject | null;

  @Column({ name: 'content_type', type: 'varchar', length: 100, nullable: true })
  contentType: string | null;

  @Column({ name: 'source_ip', type: 'varchar', length: 64, nullable: true })
  sourceIp: string | null;

  /** How the body was read (json, key_value, plain_text, ...). */
  @Column({ name: 'body_format', type: 'varchar', length: 20, nullable: true })
  bodyFormat: string | null;

  @Column({ name: 'payload_bytes', type: 'integer', nullable: true })
  payloadBytes: number | null;

  /** For status 'duplicate': the signal this request duplicated. */
  @Column({ name: 'duplicate_of', type: 'uuid', nullable: true })
  duplicateOf: string | null;

  @ManyToOne(() => Signal, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'duplicate_of', foreignKeyConstraintName: 'fk_webhook_events_duplicate_of' })
  duplicateOfSignal?: Relation<Signal> | null;

  @Column({ name: 'is_test', type: 'boolean', default: false })
  isTest: boolean;

  @Column({ name: 'test_session_id', type: 'varchar', length: 128, nullable: true })
  testSessionId: string | null;

  @Column({ name: 'test_scenario', type: 'varchar', length: 128, nullable: true })
  testScenario: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
