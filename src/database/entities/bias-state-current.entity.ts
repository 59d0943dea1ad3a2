import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { JsonObject } from './json.types';

/** The latest unified multi-timeframe bias state per symbol (V3 aggregator). */
@Entity({ name: 'bias_state_current' })
export class BiasStateCurrent {
  @PrimaryColumn({ name: 'symbol', type: 'varchar', length: 20, primaryKeyConstraintName: 'pk_bias_state_current' })
  symbol: string;

  /** The full UnifiedBiasState object. */
  @Column({ name: 'state', type: 'jsonb' })
  state: JsonObject;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
