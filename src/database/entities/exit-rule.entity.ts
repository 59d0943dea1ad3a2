import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';

/** Automatic exit thresholds. The row named 'default' is seeded with the spec's values. */
@Entity({ name: 'exit_rules' })
@Unique('uq_exit_rules_rule_name', ['ruleName'])
@Check('chk_exit_rules_profit_target_percent', `"profit_target_percent" > 0`)
@Check('chk_exit_rules_stop_loss_percent', `"stop_loss_percent" > 0 AND "stop_loss_percent" <= 100`)
@Check('chk_exit_rules_max_hold_time_hours', `"max_hold_time_hours" > 0`)
@Check('chk_exit_rules_min_dte_exit', `"min_dte_exit" >= 0`)
export class ExitRule {
  @PrimaryGeneratedColumn('uuid', { name: 'rule_id', primaryKeyConstraintName: 'pk_exit_rules' })
  ruleId: string;

  @Column({ name: 'rule_name', type: 'varchar', length: 50, default: 'default' })
  ruleName: string;

  @Column({ name: 'profit_target_percent', type: 'numeric', precision: 5, scale: 2, default: () => '50.00' })
  profitTargetPercent: string;

  @Column({ name: 'stop_loss_percent', type: 'numeric', precision: 5, scale: 2, default: () => '50.00' })
  stopLossPercent: string;

  @Column({ name: 'max_hold_time_hours', type: 'integer', default: 120 })
  maxHoldTimeHours: number;

  @Column({ name: 'min_dte_exit', type: 'integer', default: 1 })
  minDteExit: number;

  @Column({ name: 'enabled', type: 'boolean', default: true })
  enabled: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
