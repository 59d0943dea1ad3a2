import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last accepted signal per dedup key: the webhook's atomic dedup claim (see the SignalDedupKeys migration). */
@Entity({ name: 'signal_dedup_keys' })
export class SignalDedupKey {
  @PrimaryColumn({ name: 'dedup_key', type: 'varchar', length: 64, primaryKeyConstraintName: 'pk_signal_dedup_keys' })
  dedupKey: string;

  @Column({ name: 'signal_id', type: 'uuid' })
  signalId: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;
}
