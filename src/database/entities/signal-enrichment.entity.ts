import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  Unique,
} from 'typeorm';
import type { JsonObject } from './json.types';
import { Signal } from './signal.entity';

/**
 * Market context and risk checks gathered for a signal (spec: `refactored_signals`). One per signal: a signal
 * enriched again (released at the open, retried) replaces its row.
 */
@Entity({ name: 'signal_enrichments' })
@Unique('uq_signal_enrichments_signal', ['signalId'])
export class SignalEnrichment {
  @PrimaryGeneratedColumn('uuid', { name: 'enrichment_id', primaryKeyConstraintName: 'pk_signal_enrichments' })
  enrichmentId: string;

  @Column({ name: 'signal_id', type: 'uuid' })
  signalId: string;

  @ManyToOne(() => Signal, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'signal_id', foreignKeyConstraintName: 'fk_signal_enrichments_signal_id' })
  signal?: Relation<Signal>;

  /** Market data, indicators, GEX, flow, confluence. */
  @Column({ name: 'enriched_data', type: 'jsonb', nullable: true })
  enrichedData: JsonObject | null;

  @Column({ name: 'risk_check_result', type: 'jsonb', nullable: true })
  riskCheckResult: JsonObject | null;

  @Column({ name: 'rejection_reason', type: 'text', nullable: true })
  rejectionReason: string | null;

  /** When the enrichment ran, by the platform clock. */
  @Column({ name: 'processed_at', type: 'timestamptz' })
  processedAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
