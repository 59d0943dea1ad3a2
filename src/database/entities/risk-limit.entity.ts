import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Risk limits read by the risk gates. One row is seeded with the spec's defaults. */
@Entity({ name: 'risk_limits' })
@Check('chk_risk_limits_max_position_size', `"max_position_size" > 0`)
@Check('chk_risk_limits_max_total_exposure', `"max_total_exposure" >= 0`)
@Check('chk_risk_limits_max_exposure_percent', `"max_exposure_percent" BETWEEN 0 AND 100`)
@Check('chk_risk_limits_max_positions_per_symbol', `"max_positions_per_symbol" > 0`)
export class RiskLimit {
  @PrimaryGeneratedColumn('uuid', { name: 'limit_id', primaryKeyConstraintName: 'pk_risk_limits' })
  limitId: string;

  /** Max contracts per trade. */
  @Column({ name: 'max_position_size', type: 'integer', default: 10 })
  maxPositionSize: number;

  /** Dollars. */
  @Column({ name: 'max_total_exposure', type: 'numeric', precision: 10, scale: 2, default: () => '10000.00' })
  maxTotalExposure: string;

  @Column({ name: 'max_exposure_percent', type: 'numeric', precision: 5, scale: 2, default: () => '20.00' })
  maxExposurePercent: string;

  @Column({ name: 'max_positions_per_symbol', type: 'integer', default: 3 })
  maxPositionsPerSymbol: number;

  @Column({ name: 'enabled', type: 'boolean', default: true })
  enabled: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
